/** The web-app API on weft's HTTP server: routing, templates, JSON, forms, and the bundled demo site. */
package dev.weft.web;
