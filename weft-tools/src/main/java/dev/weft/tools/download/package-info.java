/**
 * {@code weft download}: a concurrent downloader on virtual threads and weft's own HTTP/1.1 client.
 * {@link dev.weft.tools.download.Downloader} runs one {@link dev.weft.tools.download.Fetch} per URL, at most
 * {@code parallel} at once; a fetch sends its GET through an {@link dev.weft.tools.download.Exchange} (plain or TLS
 * {@link dev.weft.tools.download.Wire}, the head parsed by weft-http's {@code ResponseParser}), streams the body from a
 * reused direct buffer into its temp file, retries with back-off, resumes its partial file with a Range request, and
 * moves the finished file to a name no other file has ({@link dev.weft.tools.download.SaveNames}).
 */
package dev.weft.tools.download;
