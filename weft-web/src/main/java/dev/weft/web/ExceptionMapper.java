package dev.weft.web;

import dev.weft.http.HttpResponse;

/**
 * Turns an exception a handler threw into a response. Registered per exception class with
 * {@link Web#exception(Class, ExceptionMapper)}; the mapper of the nearest superclass wins.
 */
@FunctionalInterface
public interface ExceptionMapper<E extends Exception> {

    HttpResponse map(E exception, Request request) throws Exception;
}
