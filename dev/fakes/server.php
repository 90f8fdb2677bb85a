<?php
/**
 * Fake WeChat and SMS APIs for tests, the demo and the benchmark: one event-driven process (so
 * 1,000 requests with 100 ms of added latency are served concurrently, and tokens, dedup ids and
 * nonces live in one place) that answers for
 *
 *   api.weixin.qq.com        /cgi-bin/token, /cgi-bin/stable_token, /cgi-bin/message/template/send,
 *                            /cgi-bin/message/subscribe/send
 *   sms.tencentcloudapi.com  SendSms with TC3-HMAC-SHA256, verified as the real service does
 *   dysmsapi.aliyuncs.com    SendSms with ACS3-HMAC-SHA256 or RPC HMAC-SHA1, verified likewise
 *   /v3/… (any Host)         WeChat Pay API v3: JSAPI order, query, close, refund, refund query, with
 *                            the merchant's signature verified and answers signed (WeChatPay in
 *                            vendors.php; its notifications come from POST /_wxpay/pay|refund|notify)
 *
 * chosen by the Host header (WeChat Pay by its /v3/ paths: its signatures do not cover the Host), so clients keep the real hostnames (and the signed Host) and only
 * connect here (CURLOPT_CONNECT_TO / CURLOPT_RESOLVE). Plain HTTP on loopback.
 *
 *   php dev/fakes/server.php [--host=127.0.0.1] [--port=0] [--record=FILE] [--config=JSON]
 *
 * prints "listening http://HOST:PORT" once ready. Control endpoints (any Host):
 *   GET  /_health               {"ok":true}
 *   POST /_control              merge JSON into the configuration (see Fakes\Config::DEFAULTS):
 *                               latency_ms, now (clock override), wechat/tencent/aliyun credentials,
 *                               token states, faults [{vendor, openid|phone|path, errcode|code|status|
 *                               hang_ms|malformed|close, times}]
 *   GET  /_config               the configuration
 *   GET  /_received[?vendor=…]  what was received, in order (also appended to --record as JSON lines)
 *   POST /_reset                forget received requests, tokens, dedup ids, nonces and faults
 */

declare(strict_types=1);

namespace CloudAcct\Fakes;

require __DIR__ . '/vendors.php';

final class Server
{
    /** @var array<int, array{sock: resource, in: string, out: string, due: float, close: bool}> */
    private array $conns = [];
    private int $nextId = 1;
    private State $state;

    /** @param resource $listener */
    public function __construct(private $listener, ?string $record, array $config)
    {
        $this->state = new State($record, $config);
    }

    public function loop(): void
    {
        while (true) {
            $read = [$this->listener];
            $write = [];
            $now = microtime(true);
            $wait = 1.0;
            foreach ($this->conns as $c) {
                if ($c['out'] === '') {
                    $read[] = $c['sock'];
                } elseif ($c['due'] <= $now) {
                    $write[] = $c['sock'];
                } else {
                    $wait = min($wait, $c['due'] - $now);
                }
            }
            $except = null;
            $sec = (int) $wait;
            if (@stream_select($read, $write, $except, $sec, (int) (($wait - $sec) * 1e6)) === false) {
                continue;
            }
            foreach ($read as $sock) {
                $sock === $this->listener ? $this->accept() : $this->readFrom($sock);
            }
            foreach ($write as $sock) {
                $this->writeTo($sock);
            }
            if ($this->state->shutdown) {
                return;
            }
        }
    }

    private function accept(): void
    {
        $sock = @stream_socket_accept($this->listener, 0);
        if ($sock === false) {
            return;
        }
        stream_set_blocking($sock, false);
        $this->conns[(int) $sock] = ['sock' => $sock, 'in' => '', 'out' => '', 'due' => 0.0, 'close' => false];
    }

    /** @param resource $sock */
    private function readFrom($sock): void
    {
        $id = (int) $sock;
        $data = @fread($sock, 65536);
        if ($data === '' || $data === false) {
            if (feof($sock)) {
                $this->drop($id);
            }
            return;
        }
        $this->conns[$id]['in'] .= $data;
        $this->parse($id);
    }

    private function parse(int $id): void
    {
        $in = $this->conns[$id]['in'];
        $end = strpos($in, "\r\n\r\n");
        if ($end === false) {
            return;
        }
        $lines = explode("\r\n", substr($in, 0, $end));
        [$method, $target, $version] = array_pad(explode(' ', array_shift($lines), 3), 3, '');
        $headers = [];
        foreach ($lines as $line) {
            [$name, $value] = array_pad(explode(':', $line, 2), 2, '');
            $headers[strtolower(trim($name))] = trim($value);
        }
        $length = (int) ($headers['content-length'] ?? 0);
        if (strlen($in) < $end + 4 + $length) {
            return;
        }
        $body = substr($in, $end + 4, $length);
        $this->conns[$id]['in'] = (string) substr($in, $end + 4 + $length);
        $request = new Request($method, $target, $headers, $body);
        $response = $this->state->handle($request);
        $close = $response->close || $version === 'HTTP/1.0' || strtolower($headers['connection'] ?? '') === 'close';
        $this->conns[$id]['out'] = $response->close ? "\0" : $response->encode($close);
        $this->conns[$id]['close'] = $close;
        $this->conns[$id]['due'] = microtime(true) + $response->delayMs / 1000;
    }

    /** @param resource $sock */
    private function writeTo($sock): void
    {
        $id = (int) $sock;
        if ($this->conns[$id]['out'] === "\0") {
            $this->drop($id); // fault "close": hang up without an answer
            return;
        }
        $n = @fwrite($sock, $this->conns[$id]['out']);
        if ($n === false) {
            $this->drop($id);
            return;
        }
        $this->conns[$id]['out'] = (string) substr($this->conns[$id]['out'], $n);
        if ($this->conns[$id]['out'] === '') {
            if ($this->conns[$id]['close']) {
                $this->drop($id);
            } elseif ($this->conns[$id]['in'] !== '') {
                $this->parse($id);
            }
        }
    }

    private function drop(int $id): void
    {
        @fclose($this->conns[$id]['sock']);
        unset($this->conns[$id]);
    }
}

$opts = getopt('', ['host::', 'port::', 'record::', 'config::']);
$host = $opts['host'] ?? '127.0.0.1';
$listener = @stream_socket_server("tcp://$host:" . (int) ($opts['port'] ?? 0), $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
    stream_context_create(['socket' => ['backlog' => 1024]]));
if ($listener === false) {
    fwrite(STDERR, "fake server: cannot listen on $host: $errstr\n");
    exit(1);
}
stream_set_blocking($listener, false);
$config = isset($opts['config']) ? json_decode((string) $opts['config'], true, 32, JSON_THROW_ON_ERROR) : [];
echo 'listening http://', stream_socket_get_name($listener, false), "\n";
fflush(STDOUT);
(new Server($listener, $opts['record'] ?? null, $config))->loop();
