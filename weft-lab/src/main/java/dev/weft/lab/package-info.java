/** The concurrency lab: the seeds' threading, multiprocessing and coroutine lessons as measured experiments. */
package dev.weft.lab;
