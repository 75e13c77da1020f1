/**
 * The NNTP client behind {@code weft news}: the newest-article summary and digest of seed 003's nntplib walk-through,
 * group listing and posting, on Apache Commons Net.
 */
package dev.weft.tools.news;
