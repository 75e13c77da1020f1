package dev.weft.web;

import dev.weft.http.HttpResponse;

/** Runs on every response before it is sent (headers, logging); returns the response to send, usually the same one. */
@FunctionalInterface
public interface AfterFilter {

    HttpResponse after(Request request, HttpResponse response) throws Exception;
}
