/**
 * The FTP/FTPS client behind {@code weft ftp}: URLs, one logged-in session, resumable downloads,
 * parallel mirroring and the interactive shell, all on Apache Commons Net.
 */
package dev.weft.tools.ftp;
