/** {@code weft gui}: the desktop app (Swing + FlatLaf) over weft's chat, files, servers and lab. */
package dev.weft.gui;
