/** The concurrency lab: the seeds' threading and multiprocessing lessons as measured experiments. */
package dev.weft.lab;
