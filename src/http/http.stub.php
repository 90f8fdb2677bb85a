<?php

/**
 * The extension's HTTP client (libcurl): the notices sender and the payment client use it from
 * C; this class exposes it to PHP for tests, the glue and diagnostics.
 *
 * @generate-class-entries
 */

namespace CloudAcct\Http;

/**
 * @strict-properties
 * @not-serializable
 */
final class Client
{
    /**
     * Options (defaults from the cloudacct.http.* INI settings): connect_timeout_ms, timeout_ms,
     * concurrency (requests in flight at once), max_body (bytes), ca_file, and — only with
     * cloudacct.http.test_transport=1 — connect_to: a list of
     * "host:port:connect_host:connect_port" that sends a real hostname to another address
     * (CURLOPT_CONNECT_TO), so signed Host headers stay the real ones in tests.
     */
    public function __construct(array $options = []) {}

    /**
     * Sends every request, at most "concurrency" at a time, and returns the answers in the same
     * order. A request is ["url" => string, "method" => string = "GET", "headers" => list<string>,
     * "body" => string]. An answer is ["result" => "ok"|"status"|"timeout"|"connect"|"body"|"other",
     * "status" => int, "headers" => array<string, string> (names lower-cased), "body" => string,
     * "error" => string, "seconds" => float]. Failures are answers, not exceptions.
     */
    public function send(array $requests): array {}

    /** One request; the answer as send() gives it. */
    public function request(string $method, string $url, array $headers = [], ?string $body = null): array {}
}
