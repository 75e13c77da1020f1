/**
 * What the FTP and NNTP clients share about talking to a server over Apache Commons Net: the words for a failed
 * step, a refused certificate, the server's last reply, and leaving the session.
 */
package dev.weft.tools.session;
