/** The line, datagram and file services that run on the engine: echo, time, files, chat. */
package dev.weft.services;
