/**
 * {@code weft copy}: a parallel folder copier. {@link dev.weft.tools.copy.CopyPlan} walks the source once and decides
 * what to do; {@link dev.weft.tools.copy.Copier} runs the plan on two lanes of virtual-thread workers (many for small
 * files, a few for large ones); {@link dev.weft.tools.copy.FileCopy} writes each file to a temp name beside its target
 * and moves it into place, so a final name never holds a partial file.
 */
package dev.weft.tools.copy;
