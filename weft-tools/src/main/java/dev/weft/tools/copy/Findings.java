package dev.weft.tools.copy;

import java.util.List;

import dev.weft.tools.progress.Outcome;

/**
 * Where a walk of the source reports what it finds, in walk order. The same walk either fills a {@link CopyPlan}
 * ({@code --dry-run}) or feeds a {@link CopyRun}, which copies while the walk goes on.
 */
interface Findings {

    /** A directory to make; reported before anything inside it. */
    void directory(Entry directory);

    /** Regular files to write, all from one directory, at most {@link TreeScan#BATCH} of them. */
    void files(List<Entry> files);

    /** A symbolic link to make. */
    void link(Entry link);

    /** A file or link whose copy is already in place ({@code --update}). */
    void upToDate(Entry entry);

    /** An entry that cannot be copied, with the reason. */
    void problem(Outcome problem);
}
