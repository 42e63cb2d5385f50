package dev.paperboy.web;

/** What the error page tells a person. */
public record ErrorPage(int status, String heading, String message) {}
