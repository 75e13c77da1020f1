package dev.weft.lab;

/** The two cures for a lock-ordering deadlock that the deadlock experiment demonstrates. */
public enum Fix {
    /** Every thread takes the locks in one global order, so no cycle can form. */
    ORDERING,
    /** A thread that cannot get its second lock in time releases the first, backs off and retries. */
    TRYLOCK
}
