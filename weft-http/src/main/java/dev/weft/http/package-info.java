/** HTTP/1.1 on the weft engine: request parsing, responses, the server, static files, and the client. */
package dev.weft.http;
