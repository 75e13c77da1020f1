/**
 * {@code weft download}: a concurrent downloader on virtual threads and the JDK {@link java.net.http.HttpClient}.
 * {@link dev.weft.tools.download.Downloader} runs one {@link dev.weft.tools.download.Fetch} per URL, at most
 * {@code parallel} at once; a fetch retries with back-off, resumes its partial file with a Range request, and moves the
 * finished file to a name no other file has ({@link dev.weft.tools.download.SaveNames}).
 */
package dev.weft.tools.download;
