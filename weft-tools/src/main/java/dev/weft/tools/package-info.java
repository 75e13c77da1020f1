/** Client tools: the parallel folder copier, the concurrent downloader, and the FTP and NNTP clients. */
package dev.weft.tools;
