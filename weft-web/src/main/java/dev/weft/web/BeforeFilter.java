package dev.weft.web;

import dev.weft.http.HttpResponse;

/** Runs before routing (logging, authentication, rate limits): returns null to go on, or a response to stop with. */
@FunctionalInterface
public interface BeforeFilter {

    HttpResponse before(Request request) throws Exception;
}
