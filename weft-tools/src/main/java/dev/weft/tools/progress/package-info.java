/**
 * What the parallel tools report while they work: a {@link dev.weft.tools.progress.Progress} listener that the
 * copier and the downloader call, a {@link dev.weft.tools.progress.Tally} that counts, the final
 * {@link dev.weft.tools.progress.Report}, and the console display (a progress bar on a terminal, one line otherwise).
 * The tools never print; tests assert the counts.
 */
package dev.weft.tools.progress;
