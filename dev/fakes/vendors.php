<?php
/**
 * The fake vendors behind dev/fakes/server.php: request/response types, the shared state
 * (configuration, faults, what was received) and the three APIs. Signatures are checked the way
 * wechat-protocols.md §4 and §5 describe the real services: rebuilt from what was received.
 */

declare(strict_types=1);

namespace CloudAcct\Fakes;

final class Request
{
    public string $path;
    /** @var array<string, string> */
    public array $query = [];
    public string $rawQuery;

    /** @param array<string, string> $headers lower-cased names */
    public function __construct(public string $method, public string $target, public array $headers, public string $body)
    {
        [$this->path, $this->rawQuery] = array_pad(explode('?', $target, 2), 2, '');
        parse_str($this->rawQuery, $q);
        $this->query = array_map('strval', array_filter($q, 'is_string'));
    }

    public function host(): string
    {
        return strtolower(explode(':', $this->headers['host'] ?? '')[0]);
    }

    public function json(): mixed
    {
        return json_decode($this->body, true, 32);
    }
}

final class Response
{
    public int $delayMs = 0;
    public bool $close = false;

    /** @param array<string, string> $headers */
    public function __construct(public int $status, public string $body, public array $headers = [])
    {
    }

    public static function json(mixed $data, int $status = 200): self
    {
        return new self($status, json_encode($data, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), ['Content-Type' => 'application/json; charset=utf-8']);
    }

    public function encode(bool $close): string
    {
        $reason = [100 => 'Continue', 200 => 'OK', 204 => 'No Content', 400 => 'Bad Request', 401 => 'Unauthorized', 429 => 'Too Many Requests', 403 => 'Forbidden', 404 => 'Not Found', 500 => 'Internal Server Error', 502 => 'Bad Gateway', 503 => 'Service Unavailable'][$this->status] ?? 'Status';
        $head = "HTTP/1.1 {$this->status} $reason\r\n";
        foreach ($this->headers + ['Content-Length' => (string) strlen($this->body), 'Connection' => $close ? 'close' : 'keep-alive'] as $k => $v) {
            $head .= "$k: $v\r\n";
        }
        return $head . "\r\n" . $this->body;
    }
}

final class State
{
    public const DEFAULTS = [
        'latency_ms' => 0,
        'now' => null, // unix seconds the signature windows are checked against; null = the wall clock
        'wechat' => [
            'appid' => 'wxfake0000000001',
            'secret' => 'fake-app-secret-0000000000000000',
            // token => "valid" | "expired" (42001) | "invalid" (40001); issued tokens are added here
            'tokens' => ['FAKE_ACCESS_TOKEN' => 'valid'],
        ],
        'tencent' => ['secret_id' => 'AKIDfakefakefakefakefake', 'secret_key' => 'fake-tencent-secret-key', 'sdk_app_id' => ''],
        'aliyun' => ['access_key_id' => 'LTAIfakefakefake', 'access_key_secret' => 'fake-aliyun-secret'],
        // WeChat Pay v3: the test generates the key pairs and passes the public merchant key and the
        // private platform key here (the extension gets the other halves); refund_status is what a
        // new refund answers (PROCESSING, or SUCCESS / CLOSED / ABNORMAL)
        'wxpay' => ['mchid' => '1900000001', 'appid' => 'wxfake0000000001', 'merchant_serial' => '', 'merchant_public_key' => '',
            'platform_serial' => 'PUB_KEY_ID_0000000000000000000000000001', 'platform_private_key' => '', 'apiv3_key' => '',
            'refund_status' => 'PROCESSING'],
        // each: {vendor: wechat|tencent|aliyun|*, openid?, phone?, path?, errcode?|code?|status?|hang_ms?|malformed?|close?, times?: n (-1 = always)}
        'faults' => [],
    ];

    public bool $shutdown = false;
    /** WeChat Pay v3 orders and refunds by out_trade_no / out_refund_no. */
    public array $wxpay = ['orders' => [], 'refunds' => [], 'deliveries' => []];
    private array $config;
    private array $received = [];
    /** @var array<string, array{0: float, 1: int}> touser|client_msg_id → [time, msgid] */
    private array $dedup = [];
    /** @var array<string, float> */
    private array $nonces = [];
    private int $seq = 0;
    private array $stable = [];
    private ?array $lastFault = null;

    public function __construct(private ?string $record, array $config)
    {
        $this->config = self::merge(self::DEFAULTS, $config);
    }

    private static function merge(array $base, array $over): array
    {
        foreach ($over as $k => $v) {
            $base[$k] = is_array($v) && isset($base[$k]) && is_array($base[$k]) && !array_is_list($v) && $k !== 'faults'
                ? self::merge($base[$k], $v) : $v;
        }
        return $base;
    }

    public function now(): int
    {
        return $this->config['now'] ?? time();
    }

    public function cfg(string $vendor): array
    {
        return $this->config[$vendor];
    }

    public function nextId(): int
    {
        return ++$this->seq;
    }

    public function handle(Request $r): Response
    {
        if (str_starts_with($r->path, '/_')) {
            return $this->control($r);
        }
        $vendor = str_starts_with($r->path, '/v3/') ? 'wxpay' : match ($r->host()) {
            'api.weixin.qq.com' => 'wechat',
            'sms.tencentcloudapi.com' => 'tencent',
            'dysmsapi.aliyuncs.com' => 'aliyun',
            default => null,
        };
        if ($vendor === null) {
            return Response::json(['error' => 'unknown host ' . $r->host()], 404);
        }
        $record = ['n' => count($this->received) + 1, 'time' => microtime(true), 'vendor' => $vendor, 'method' => $r->method,
            'path' => $r->path, 'query' => $r->query, 'headers' => $r->headers, 'body' => $r->body];
        $api = match ($vendor) {
            'wechat' => new WeChat($this),
            'tencent' => new Tencent($this),
            'aliyun' => new Aliyun($this),
            'wxpay' => new WeChatPay($this),
        };
        $this->lastFault = null;
        $response = $api->handle($r, $record);
        $response->delayMs += (int) $this->config['latency_ms'];
        // hang_ms: the request is processed (a message is delivered) but the answer comes late,
        // like a vendor whose reply is lost — what a client timeout or a crashed sender sees
        if (isset($this->lastFault['hang_ms'])) {
            $response->delayMs += (int) $this->lastFault['hang_ms'];
            $record['hung_ms'] = (int) $this->lastFault['hang_ms'];
        }
        $record['status'] = $response->close ? 0 : $response->status;
        $record['response'] = $response->close ? '' : $response->body;
        $this->received[] = $record;
        if ($this->record !== null) {
            file_put_contents($this->record, json_encode($record, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES) . "\n", FILE_APPEND);
        }
        return $response;
    }

    /**
     * The first fault matching this request (by vendor and openid/phone/path), spending one of its
     * "times". Returns null when none applies.
     */
    public function fault(string $vendor, string $path, ?string $openid = null, ?string $phone = null): ?array
    {
        foreach ($this->config['faults'] as $i => $f) {
            if (!in_array($f['vendor'] ?? '*', ['*', $vendor], true)
                || (isset($f['openid']) && $f['openid'] !== $openid)
                || (isset($f['phone']) && $f['phone'] !== $phone)
                || (isset($f['path']) && $f['path'] !== $path)
                || ($f['times'] ?? -1) === 0) {
                continue;
            }
            if (($f['times'] ?? -1) > 0) {
                $this->config['faults'][$i]['times']--;
            }
            return $this->lastFault = $f;
        }
        return null;
    }

    /** A transport-level fault as a response (status, malformed body, hang-up), or null; hang_ms is applied by handle(). */
    public static function transportFault(?array $f): ?Response
    {
        if ($f === null) {
            return null;
        }
        if (!empty($f['close'])) {
            $r = new Response(0, '');
            $r->close = true;
            return $r;
        }
        if (isset($f['status'])) {
            return new Response((int) $f['status'], '<html><body>upstream error</body></html>', ['Content-Type' => 'text/html']);
        }
        if (!empty($f['malformed'])) {
            return new Response(200, '{"errcode":0,"errmsg":', ['Content-Type' => 'application/json']);
        }
        return null;
    }

    /** Client-side dedup of WeChat template messages: same openid + client_msg_id within 10 min. */
    public function dedup(string $key, int $msgid): ?int
    {
        $now = microtime(true);
        if (isset($this->dedup[$key]) && $now - $this->dedup[$key][0] < 600) {
            return $this->dedup[$key][1];
        }
        $this->dedup[$key] = [$now, $msgid];
        return null;
    }

    public function nonceUsed(string $nonce): bool
    {
        if (isset($this->nonces[$nonce])) {
            return true;
        }
        $this->nonces[$nonce] = microtime(true);
        return false;
    }

    public function tokenState(string $token): ?string
    {
        return $this->config['wechat']['tokens'][$token] ?? null;
    }

    public function issueToken(bool $stable, bool $force): string
    {
        if ($stable && !$force && isset($this->stable['token']) && $this->tokenState($this->stable['token']) === 'valid') {
            return $this->stable['token'];
        }
        $token = 'FAKE_' . bin2hex(random_bytes(12));
        $this->config['wechat']['tokens'][$token] = 'valid';
        if ($stable) {
            if (isset($this->stable['token'])) {
                $this->config['wechat']['tokens'][$this->stable['token']] = 'invalid';
            }
            $this->stable['token'] = $token;
        }
        return $token;
    }

    private function control(Request $r): Response
    {
        if (str_starts_with($r->path, '/_wxpay/')) {
            return (new WeChatPay($this))->control($r);
        }
        switch ($r->path) {
            case '/_health':
                return Response::json(['ok' => true]);
            case '/_config':
                return Response::json($this->config);
            case '/_control':
                $data = $r->json();
                if (!is_array($data)) {
                    return Response::json(['error' => 'JSON object expected'], 400);
                }
                $this->config = self::merge($this->config, $data);
                return Response::json(['ok' => true]);
            case '/_received':
                $vendor = $r->query['vendor'] ?? null;
                return Response::json(array_values(array_filter($this->received, fn ($x) => $vendor === null || $x['vendor'] === $vendor)));
            case '/_reset':
                $this->received = $this->dedup = $this->nonces = $this->stable = [];
                $this->wxpay = ['orders' => [], 'refunds' => [], 'deliveries' => []];
                $this->config['faults'] = [];
                $this->config['wechat']['tokens'] = self::DEFAULTS['wechat']['tokens'];
                return Response::json(['ok' => true]);
            case '/_shutdown':
                $this->shutdown = true;
                return Response::json(['ok' => true]);
        }
        return Response::json(['error' => 'unknown control endpoint'], 404);
    }
}

/** api.weixin.qq.com: tokens, template messages, subscribe messages (wechat-protocols.md §3). */
final class WeChat
{
    /** Keyword types and limits (characters), as the sender applies them; a violation is 47003. */
    private const RULES = [
        'thing' => 20, 'number' => 32, 'letter' => 32, 'symbol' => 5, 'character_string' => 32, 'time' => 32,
        'date' => 32, 'amount' => 20, 'phone_number' => 17, 'car_number' => 8, 'name' => 20, 'phrase' => 5,
    ];

    public function __construct(private State $s)
    {
    }

    private static function err(int $code, string $msg): Response
    {
        return Response::json(['errcode' => $code, 'errmsg' => "$msg rid: " . bin2hex(random_bytes(6))]);
    }

    public function handle(Request $r, array &$record): Response
    {
        $cfg = $this->s->cfg('wechat');
        if ($r->path === '/cgi-bin/token' && $r->method === 'GET') {
            $record['query']['secret'] = '***';
            if (($r->query['appid'] ?? '') !== $cfg['appid'] || ($r->query['secret'] ?? '') !== $cfg['secret']) {
                return self::err(40125, 'invalid appsecret');
            }
            return Response::json(['access_token' => $this->s->issueToken(false, false), 'expires_in' => 7200]);
        }
        if ($r->path === '/cgi-bin/stable_token' && $r->method === 'POST') {
            $j = $r->json();
            // recorded with the secret masked: the received log is shown in the demo
            $record['json'] = is_array($j) ? array_merge($j, isset($j['secret']) ? ['secret' => '***'] : []) : $j;
            $record['body'] = json_encode($record['json'], JSON_UNESCAPED_SLASHES);
            if (!is_array($j) || ($j['grant_type'] ?? '') !== 'client_credential') {
                return self::err(40002, 'invalid grant_type');
            }
            if (($j['appid'] ?? '') !== $cfg['appid'] || ($j['secret'] ?? '') !== $cfg['secret']) {
                return self::err(40125, 'invalid appsecret');
            }
            return Response::json(['access_token' => $this->s->issueToken(true, !empty($j['force_refresh'])), 'expires_in' => 7200]);
        }
        $subscribe = $r->path === '/cgi-bin/message/subscribe/send';
        if ($r->method !== 'POST' || !($subscribe || $r->path === '/cgi-bin/message/template/send')) {
            return new Response(404, 'not found');
        }
        $j = $r->json();
        $openid = is_array($j) && is_string($j['touser'] ?? null) ? $j['touser'] : null;
        $record['json'] = $j;
        $fault = $this->s->fault('wechat', $r->path, $openid);
        if ($t = State::transportFault($fault)) {
            return $t;
        }
        $token = $r->query['access_token'] ?? '';
        if ($token === '') {
            return self::err(41001, 'access_token missing');
        }
        $state = $this->s->tokenState($token);
        if ($state === 'expired') {
            return self::err(42001, 'access_token expired');
        }
        if ($state !== 'valid') {
            return self::err(40001, 'invalid credential, access_token is invalid or not latest');
        }
        if (isset($fault['errcode'])) {
            return self::err((int) $fault['errcode'], 'injected');
        }
        if (!is_array($j)) {
            return self::err(47001, 'data format error');
        }
        if ($openid === null || !preg_match('/^[A-Za-z0-9_-]{6,64}$/', $openid)) {
            return self::err(40003, 'invalid openid');
        }
        if (!is_string($j['template_id'] ?? null) || $j['template_id'] === '') {
            return self::err(40037, 'invalid template_id');
        }
        if ($subscribe && (!in_array($j['miniprogram_state'] ?? 'formal', ['developer', 'trial', 'formal'], true)
            || !in_array($j['lang'] ?? 'zh_CN', ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'], true))) {
            return self::err(47003, 'argument invalid! miniprogram_state/lang');
        }
        if ($bad = $this->checkData($j['data'] ?? null)) {
            return self::err(47003, "argument invalid! $bad");
        }
        $msgid = 2000000000 + $this->s->nextId();
        if (!$subscribe && is_string($j['client_msg_id'] ?? null)) {
            $first = $this->s->dedup($openid . '|' . $j['client_msg_id'], $msgid);
            if ($first !== null) {
                $record['duplicate'] = true; // accepted, not delivered again
                $msgid = $first;
            }
        }
        $record['delivered'] = empty($record['duplicate']);
        return Response::json(['errcode' => 0, 'errmsg' => 'ok', 'msgid' => $msgid]);
    }

    private function checkData(mixed $data): ?string
    {
        if (!is_array($data) || $data === []) {
            return 'data';
        }
        foreach ($data as $key => $item) {
            if (!is_array($item) || !is_string($item['value'] ?? null) || $item['value'] === '') {
                return "data.$key.value";
            }
            $type = rtrim((string) $key, '0123456789');
            $max = self::RULES[$type] ?? 200;
            if (!preg_match('//u', $item['value']) || preg_match_all('/./su', $item['value']) > $max) {
                return "data.$key.value invalid";
            }
        }
        return null;
    }
}

/** sms.tencentcloudapi.com: SendSms 2021-01-11 with TC3-HMAC-SHA256. */
final class Tencent
{
    public function __construct(private State $s)
    {
    }

    private static function err(string $code, string $msg): Response
    {
        return Response::json(['Response' => ['Error' => ['Code' => $code, 'Message' => $msg], 'RequestId' => self::uuid()]]);
    }

    public static function uuid(): string
    {
        $h = bin2hex(random_bytes(16));
        return sprintf('%s-%s-%s-%s-%s', substr($h, 0, 8), substr($h, 8, 4), substr($h, 12, 4), substr($h, 16, 4), substr($h, 20));
    }

    public function handle(Request $r, array &$record): Response
    {
        $cfg = $this->s->cfg('tencent');
        $j = $r->json();
        $record['json'] = $j;
        $phones = is_array($j['PhoneNumberSet'] ?? null) ? $j['PhoneNumberSet'] : [];
        $phone = is_string($phones[0] ?? null) ? preg_replace('/^(\+86|0086|86)(?=\d{11}$)/', '', $phones[0]) : null;
        $fault = $this->s->fault('tencent', $r->path, null, $phone);
        if ($t = State::transportFault($fault)) {
            return $t;
        }
        if ($r->method !== 'POST' || $r->path !== '/') {
            return self::err('InvalidAction', 'only POST / is served');
        }
        if ($e = $this->verify($r, $cfg)) {
            $record['verified'] = false;
            return self::err($e[0], $e[1]);
        }
        $record['verified'] = true;
        if (strcasecmp($r->headers['x-tc-action'] ?? '', 'SendSms') !== 0) {
            return self::err('InvalidAction', 'The action requested is invalid');
        }
        if (($r->headers['x-tc-version'] ?? '') !== '2021-01-11') {
            return self::err('InvalidParameter', 'X-TC-Version');
        }
        if (!is_array($j)) {
            return self::err('InvalidParameter', 'The request body is not JSON');
        }
        foreach (['SmsSdkAppId', 'SignName', 'TemplateId'] as $k) {
            if (!is_string($j[$k] ?? null) || $j[$k] === '') {
                return self::err('MissingParameter', "The request is missing a required parameter `$k`.");
            }
        }
        if ($cfg['sdk_app_id'] !== '' && $j['SmsSdkAppId'] !== $cfg['sdk_app_id']) {
            return self::err('UnauthorizedOperation.SmsSdkAppIdVerifyFail', 'SmsSdkAppId verify fail');
        }
        if ($phones === []) {
            return self::err('MissingParameter.EmptyPhoneNumberSet', 'PhoneNumberSet is empty');
        }
        if (isset($j['TemplateParamSet']) && (!is_array($j['TemplateParamSet']) || !array_is_list($j['TemplateParamSet']))) {
            return self::err('InvalidParameterValue.TemplateParameterFormatError', 'TemplateParamSet');
        }
        if (isset($fault['code']) && !str_contains($fault['code'], 'LimitExceeded.Phone') && !str_starts_with($fault['code'], 'FailedOperation.Phone')) {
            return self::err($fault['code'], 'injected');
        }
        $set = [];
        foreach ($phones as $p) {
            $ok = is_string($p) && preg_match('/^(\+86|0086|86)?1[3-9]\d{9}$/', $p);
            $code = !$ok ? 'InvalidParameterValue.IncorrectPhoneNumber' : ($fault['code'] ?? 'Ok');
            $set[] = ['SerialNo' => '5000:' . (104571066915705365 + $this->s->nextId()), 'PhoneNumber' => (string) $p, 'Fee' => $code === 'Ok' ? 1 : 0,
                'SessionContext' => (string) ($j['SessionContext'] ?? ''), 'Code' => $code,
                'Message' => $code === 'Ok' ? 'send success' : $code, 'IsoCode' => 'CN'];
        }
        $record['delivered'] = ($set[0]['Code'] ?? '') === 'Ok';
        return Response::json(['Response' => ['SendStatusSet' => $set, 'RequestId' => self::uuid()]]);
    }

    /** @return null|array{0: string, 1: string} the error code and message, null when valid */
    private function verify(Request $r, array $cfg): ?array
    {
        if (!preg_match('~^TC3-HMAC-SHA256 Credential=([^/]+)/(\d{4}-\d{2}-\d{2})/([a-z]+)/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$~',
            $r->headers['authorization'] ?? '', $m)) {
            return ['AuthFailure.InvalidAuthorization', 'Authorization is malformed'];
        }
        [, $id, $date, $service, $signed, $signature] = $m;
        $ts = (int) ($r->headers['x-tc-timestamp'] ?? 0);
        if (abs($this->s->now() - $ts) > 300) {
            return ['AuthFailure.SignatureExpire', 'Signature expired'];
        }
        if ($id !== $cfg['secret_id']) {
            return ['AuthFailure.SecretIdNotFound', 'The SecretId is not found'];
        }
        $names = explode(';', $signed);
        if (!in_array('content-type', $names, true) || !in_array('host', $names, true) || $names !== array_values(array_unique($names))) {
            return ['AuthFailure.SignatureFailure', 'SignedHeaders must include content-type and host'];
        }
        $sorted = $names;
        sort($sorted, SORT_STRING);
        $canonHeaders = '';
        foreach ($sorted as $n) {
            $canonHeaders .= $n . ':' . strtolower(trim($r->headers[$n] ?? '')) . "\n";
        }
        $canon = "{$r->method}\n{$r->path}\n{$r->rawQuery}\n$canonHeaders\n" . implode(';', $sorted) . "\n" . hash('sha256', $r->body);
        $sts = "TC3-HMAC-SHA256\n$ts\n$date/$service/tc3_request\n" . hash('sha256', $canon);
        $k = hash_hmac('sha256', 'tc3_request', hash_hmac('sha256', $service, hash_hmac('sha256', $date, 'TC3' . $cfg['secret_key'], true), true), true);
        if ($date !== gmdate('Y-m-d', $ts) || !hash_equals(hash_hmac('sha256', $sts, $k), $signature)) {
            return ['AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.'];
        }
        return null;
    }
}

/** dysmsapi.aliyuncs.com: SendSms 2017-05-25, ACS3-HMAC-SHA256 or RPC signature v1. */
final class Aliyun
{
    public function __construct(private State $s)
    {
    }

    private static function err(string $code, string $msg, int $status = 400): Response
    {
        return Response::json(['RequestId' => strtoupper(Tencent::uuid()), 'HostId' => 'dysmsapi.aliyuncs.com', 'Code' => $code,
            'Message' => $msg, 'Recommend' => 'https://api.aliyun.com/troubleshoot'], $status);
    }

    private static function pe(string $s): string
    {
        return rawurlencode($s); // RFC 3986, '~' kept (PHP ≥ 7)
    }

    /** Query string decoded without PHP's name mangling. */
    private static function params(string $raw): array
    {
        $out = [];
        foreach ($raw === '' ? [] : explode('&', $raw) as $pair) {
            [$k, $v] = array_pad(explode('=', $pair, 2), 2, '');
            $out[rawurldecode($k)] = rawurldecode(str_replace('+', '%20', $v));
        }
        return $out;
    }

    private static function canonicalQuery(array $params): string
    {
        ksort($params, SORT_STRING);
        $parts = [];
        foreach ($params as $k => $v) {
            $parts[] = self::pe((string) $k) . '=' . self::pe((string) $v);
        }
        return implode('&', $parts);
    }

    public function handle(Request $r, array &$record): Response
    {
        $cfg = $this->s->cfg('aliyun');
        $query = self::params($r->rawQuery);
        $form = str_starts_with($r->headers['content-type'] ?? '', 'application/x-www-form-urlencoded') ? self::params($r->body) : [];
        $params = $query + $form;
        $record['params'] = $params;
        $fault = $this->s->fault('aliyun', $r->path, null, $params['PhoneNumbers'] ?? null);
        if ($t = State::transportFault($fault)) {
            return $t;
        }
        $auth = $r->headers['authorization'] ?? '';
        $e = str_starts_with($auth, 'ACS3-HMAC-SHA256 ') ? $this->verifyAcs3($r, $cfg, $query) : $this->verifyRpc($r, $cfg, $params);
        $record['signature'] = str_starts_with($auth, 'ACS3-HMAC-SHA256 ') ? 'acs3' : 'rpc';
        if ($e) {
            $record['verified'] = false;
            return self::err($e[0], $e[1], $e[2] ?? 400);
        }
        $record['verified'] = true;
        $action = $r->headers['x-acs-action'] ?? ($params['Action'] ?? '');
        if ($action !== 'SendSms') {
            return self::err('InvalidAction.NotFound', 'Specified api is not found', 404);
        }
        if (isset($fault['code'])) {
            return Response::json(['Code' => $fault['code'], 'Message' => 'injected', 'RequestId' => strtoupper(Tencent::uuid())]);
        }
        foreach (['PhoneNumbers', 'SignName', 'TemplateCode'] as $k) {
            if (($params[$k] ?? '') === '') {
                return self::err('MissingParameter', "$k is mandatory for this action.");
            }
        }
        foreach (explode(',', $params['PhoneNumbers']) as $p) {
            if (!preg_match('/^1[3-9]\d{9}$/', $p)) {
                return Response::json(['Code' => 'isv.MOBILE_NUMBER_ILLEGAL', 'Message' => "$p invalid", 'RequestId' => strtoupper(Tencent::uuid())]);
            }
        }
        if (isset($params['TemplateParam']) && !is_array(json_decode($params['TemplateParam'], true))) {
            return Response::json(['Code' => 'isv.INVALID_JSON_PARAM', 'Message' => 'JSON参数不合法', 'RequestId' => strtoupper(Tencent::uuid())]);
        }
        $record['delivered'] = true;
        return Response::json(['Code' => 'OK', 'Message' => 'OK', 'BizId' => (900619746936498440 + $this->s->nextId()) . '^0',
            'RequestId' => strtoupper(Tencent::uuid())]);
    }

    private function checkTime(string $ts): ?array
    {
        $t = \DateTimeImmutable::createFromFormat('!Y-m-d\TH:i:s\Z', $ts, new \DateTimeZone('UTC'));
        if ($t === false || abs($this->s->now() - $t->getTimestamp()) > 900) {
            return ['InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.'];
        }
        return null;
    }

    /** @return null|array{0: string, 1: string, 2?: int} */
    private function verifyAcs3(Request $r, array $cfg, array $query): ?array
    {
        if (!preg_match('~^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([a-z0-9;-]+),Signature=([0-9a-f]{64})$~', $r->headers['authorization'], $m)) {
            return ['IncompleteSignature', 'The request signature does not conform to Aliyun standards.'];
        }
        [, $id, $signed, $signature] = $m;
        if ($id !== $cfg['access_key_id']) {
            return ['InvalidAccessKeyId.NotFound', 'Specified access key is not found.', 404];
        }
        if ($e = $this->checkTime($r->headers['x-acs-date'] ?? '')) {
            return $e;
        }
        if (hash('sha256', $r->body) !== ($r->headers['x-acs-content-sha256'] ?? '')) {
            return ['SignatureDoesNotMatch', 'x-acs-content-sha256 does not match the body'];
        }
        $names = explode(';', $signed);
        foreach (['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'] as $must) {
            if (!in_array($must, $names, true)) {
                return ['SignatureDoesNotMatch', "$must must be signed"];
            }
        }
        $canonHeaders = '';
        foreach ($names as $n) {
            $canonHeaders .= $n . ':' . trim($r->headers[$n] ?? '') . "\n";
        }
        $canon = "{$r->method}\n{$r->path}\n" . self::canonicalQuery($query) . "\n$canonHeaders\n$signed\n" . hash('sha256', $r->body);
        if (!hash_equals(hash_hmac('sha256', "ACS3-HMAC-SHA256\n" . hash('sha256', $canon), $cfg['access_key_secret']), $signature)) {
            return ['SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.'];
        }
        if ($this->s->nonceUsed($r->headers['x-acs-signature-nonce'] ?? '')) {
            return ['SignatureNonceUsed', 'Specified signature nonce was used already.'];
        }
        return null;
    }

    /** @return null|array{0: string, 1: string, 2?: int} */
    private function verifyRpc(Request $r, array $cfg, array $params): ?array
    {
        $signature = $params['Signature'] ?? '';
        unset($params['Signature']);
        if ($signature === '' || ($params['SignatureMethod'] ?? '') !== 'HMAC-SHA1' || ($params['SignatureVersion'] ?? '') !== '1.0') {
            return ['IncompleteSignature', 'The request signature does not conform to Aliyun standards.'];
        }
        if (($params['AccessKeyId'] ?? '') !== $cfg['access_key_id']) {
            return ['InvalidAccessKeyId.NotFound', 'Specified access key is not found.', 404];
        }
        if ($e = $this->checkTime($params['Timestamp'] ?? '')) {
            return $e;
        }
        $sts = $r->method . '&' . self::pe('/') . '&' . self::pe(self::canonicalQuery($params));
        if (!hash_equals(base64_encode(hash_hmac('sha1', $sts, $cfg['access_key_secret'] . '&', true)), $signature)) {
            return ['SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.'];
        }
        if ($this->s->nonceUsed($params['SignatureNonce'] ?? '')) {
            return ['SignatureNonceUsed', 'Specified signature nonce was used already.'];
        }
        return null;
    }
}

/**
 * api.mch.weixin.qq.com: WeChat Pay API v3 (wechat-protocols.md §1) — JSAPI order, query, close,
 * refund, refund query — verifying the merchant's Authorization with the merchant public key as
 * WeChat Pay does (5-minute window, serial, mchid, signature over method, path+query, timestamp,
 * nonce and body) and signing every 2xx answer with the platform key. Control endpoints make the
 * notifications WeChat Pay would send (AES-256-GCM with the APIv3 key, signed), optionally POSTed:
 *   POST /_wxpay/pay     {out_trade_no, deliver?, resource?: overrides of the plaintext}
 *   POST /_wxpay/refund  {out_refund_no, status: SUCCESS|CLOSED|ABNORMAL, deliver?, resource?}
 *   POST /_wxpay/notify  {event_type, original_type, resource: plaintext object, deliver?}
 *   GET  /_wxpay/state   orders and refunds
 * each answering {headers, body, delivered: HTTP status or null}.
 * Keys come from the configuration "wxpay": merchant_public_key, merchant_serial, platform_private_key,
 * platform_serial, apiv3_key, mchid, appid.
 */
final class WeChatPay
{
    public function __construct(private State $s)
    {
    }

    private static function err(int $status, string $code, string $msg): Response
    {
        return Response::json(['code' => $code, 'message' => $msg], $status);
    }

    /** Signs an answer (or a notification body) with the platform key. */
    public function signed(Response $r): Response
    {
        $cfg = $this->s->cfg('wxpay');
        $ts = (string) $this->s->now();
        $nonce = bin2hex(random_bytes(16));
        openssl_sign("$ts\n$nonce\n{$r->body}\n", $sig, $cfg['platform_private_key'], OPENSSL_ALGO_SHA256);
        $r->headers += ['Wechatpay-Timestamp' => $ts, 'Wechatpay-Nonce' => $nonce, 'Wechatpay-Serial' => $cfg['platform_serial'],
            'Wechatpay-Signature' => base64_encode($sig), 'Request-ID' => bin2hex(random_bytes(8))];
        return $r;
    }

    /** @return null|Response the 401/400 WeChat Pay answers when the merchant's request is not signed right */
    private function verify(Request $r, array $cfg): ?Response
    {
        if (($r->headers['accept'] ?? '') === '' || ($r->headers['user-agent'] ?? '') === '') {
            return self::err(400, 'INVALID_REQUEST', 'Http头缺少Accept或User-Agent');
        }
        $auth = $r->headers['authorization'] ?? '';
        if (!str_starts_with($auth, 'WECHATPAY2-SHA256-RSA2048 ')) {
            return self::err(401, 'SIGN_ERROR', 'HTTP头Authorization认证类型不正确');
        }
        preg_match_all('/(\w+)="([^"]*)"/', substr($auth, 26), $m, PREG_SET_ORDER);
        $p = [];
        foreach ($m as $pair) {
            $p[$pair[1]] = $pair[2];
        }
        foreach (['mchid', 'nonce_str', 'timestamp', 'serial_no', 'signature'] as $k) {
            if (!isset($p[$k]) || $p[$k] === '') {
                return self::err(401, 'SIGN_ERROR', 'Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》');
            }
        }
        if (!preg_match('/^\d{1,12}$/', $p['timestamp']) || abs($this->s->now() - (int) $p['timestamp']) > 300) {
            return self::err(401, 'SIGN_ERROR', 'Http头Authorization中的timestamp与发起请求的时间不得超过5分钟');
        }
        if ($p['mchid'] !== $cfg['mchid']) {
            return self::err(401, 'SIGN_ERROR', '商户号有误');
        }
        if ($p['serial_no'] !== $cfg['merchant_serial']) {
            return self::err(401, 'SIGN_ERROR', '商户证书序列号有误。请使用签名私钥匹配的证书序列号');
        }
        $msg = "{$r->method}\n{$r->target}\n{$p['timestamp']}\n{$p['nonce_str']}\n{$r->body}\n";
        if (openssl_verify($msg, (string) base64_decode($p['signature'], true), $cfg['merchant_public_key'], OPENSSL_ALGO_SHA256) !== 1) {
            return self::err(401, 'SIGN_ERROR', '签名错误');
        }
        return null;
    }

    public function handle(Request $r, array &$record): Response
    {
        $cfg = $this->s->cfg('wxpay');
        $record['json'] = $r->json();
        $fault = $this->s->fault('wxpay', $r->path);
        if ($t = State::transportFault($fault)) {
            return $t;
        }
        if ($e = $this->verify($r, $cfg)) {
            $record['verified'] = false;
            return $e;
        }
        $record['verified'] = true;
        if (isset($fault['code'])) {
            return self::err((int) ($fault['http'] ?? 400), $fault['code'], 'injected');
        }
        $w = &$this->s->wxpay;
        $j = $r->json();
        if ($r->method === 'POST' && $r->path === '/v3/pay/transactions/jsapi') {
            if (!is_array($j)) {
                return self::err(400, 'PARAM_ERROR', '请求体不是JSON');
            }
            foreach (['appid', 'mchid', 'description', 'out_trade_no', 'notify_url'] as $k) {
                if (!is_string($j[$k] ?? null) || $j[$k] === '') {
                    return self::err(400, 'PARAM_ERROR', "输入源“/body/$k”映射到字段“$k”必填性规则校验失败，此字段为必填项");
                }
            }
            if ($j['mchid'] !== ($this->authMchid($r))) {
                return self::err(400, 'PARAM_ERROR', 'http header中的mchid与post payload中的mchid不匹配');
            }
            if ($j['appid'] !== $cfg['appid']) {
                return self::err(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
            }
            if (!preg_match('/^[0-9A-Za-z_\-|*]{6,32}$/', $j['out_trade_no']) || !is_int($j['amount']['total'] ?? null)
                || $j['amount']['total'] <= 0 || !is_string($j['payer']['openid'] ?? null) || !str_starts_with($j['notify_url'], 'https://')
                || str_contains($j['notify_url'], '?')) {
                return self::err(400, 'PARAM_ERROR', '参数错误');
            }
            $no = $j['out_trade_no'];
            if (isset($w['orders'][$no])) {
                $o = $w['orders'][$no];
                if ($o['state'] === 'CLOSED') {
                    return self::err(400, 'ORDER_CLOSED', '订单已关闭');
                }
                if ($o['state'] !== 'NOTPAY' || $o['body'] !== $r->body) {
                    return self::err(403, 'OUT_TRADE_NO_USED', '商户订单号重复');
                }
                return $this->signed(Response::json(['prepay_id' => $o['prepay_id']]));
            }
            $w['orders'][$no] = ['body' => $r->body, 'req' => $j, 'prepay_id' => 'wx' . gmdate('dHis', $this->s->now()) . bin2hex(random_bytes(12)),
                'state' => 'NOTPAY', 'transaction_id' => null, 'success_time' => null, 'refunded' => 0];
            return $this->signed(Response::json(['prepay_id' => $w['orders'][$no]['prepay_id']]));
        }
        if ($r->method === 'GET' && preg_match('~^/v3/pay/transactions/out-trade-no/([^/]+)$~', $r->path, $m)) {
            if (($r->query['mchid'] ?? '') !== $cfg['mchid']) {
                return self::err(400, 'PARAM_ERROR', '输入源“/query/mchid”映射到值字段“直连商户号”必填性规则校验失败，此字段为必填项');
            }
            if (!isset($w['orders'][$m[1]])) {
                return self::err(404, 'ORDER_NOT_EXIST', '订单不存在');
            }
            return $this->signed(Response::json($this->transaction($m[1])));
        }
        if ($r->method === 'POST' && preg_match('~^/v3/pay/transactions/out-trade-no/([^/]+)/close$~', $r->path, $m)) {
            if (!is_array($j) || ($j['mchid'] ?? null) !== $cfg['mchid']) {
                return self::err(400, 'PARAM_ERROR', 'mchid');
            }
            if (!isset($w['orders'][$m[1]])) {
                return self::err(404, 'ORDER_NOT_EXIST', '订单不存在');
            }
            if ($w['orders'][$m[1]]['state'] === 'SUCCESS' || $w['orders'][$m[1]]['state'] === 'REFUND') {
                return self::err(400, 'ORDERPAID', '订单已支付');
            }
            $w['orders'][$m[1]]['state'] = 'CLOSED';
            return $this->signed(new Response(204, ''));
        }
        if ($r->method === 'POST' && $r->path === '/v3/refund/domestic/refunds') {
            $no = is_array($j) ? ($j['out_trade_no'] ?? null) : null;
            $rno = is_array($j) ? ($j['out_refund_no'] ?? null) : null;
            if (!is_string($no) || !is_string($rno) || !is_int($j['amount']['refund'] ?? null) || !is_int($j['amount']['total'] ?? null)
                || ($j['amount']['currency'] ?? null) !== 'CNY' || $j['amount']['refund'] <= 0) {
                return self::err(400, 'PARAM_ERROR', '参数错误');
            }
            if (isset($w['refunds'][$rno])) {
                return $this->signed(Response::json($this->refund($rno))); // the same out_refund_no: one refund
            }
            $o = $w['orders'][$no] ?? null;
            if ($o === null || !in_array($o['state'], ['SUCCESS', 'REFUND'], true)) {
                return self::err(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
            }
            if ($j['amount']['total'] !== $o['req']['amount']['total']) {
                return self::err(400, 'PARAM_ERROR', '订单金额或退款金额与之前请求不一致，请核实后再试');
            }
            if ($o['refunded'] + $j['amount']['refund'] > $o['req']['amount']['total']) {
                return self::err(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
            }
            $w['orders'][$no]['refunded'] += $j['amount']['refund'];
            $w['orders'][$no]['state'] = 'REFUND';
            $w['refunds'][$rno] = ['req' => $j, 'refund_id' => '50' . str_pad((string) $this->s->nextId(), 27, '0', STR_PAD_LEFT),
                'status' => $cfg['refund_status'] ?? 'PROCESSING', 'create_time' => $this->s->now(), 'success_time' => null];
            return $this->signed(Response::json($this->refund($rno)));
        }
        if ($r->method === 'GET' && preg_match('~^/v3/refund/domestic/refunds/([^/]+)$~', $r->path, $m)) {
            if (!isset($w['refunds'][$m[1]])) {
                return self::err(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
            }
            return $this->signed(Response::json($this->refund($m[1])));
        }
        return self::err(404, 'NOT_FOUND', 'no such API in the fake');
    }

    private function authMchid(Request $r): string
    {
        return preg_match('/mchid="([^"]*)"/', $r->headers['authorization'] ?? '', $m) ? $m[1] : '';
    }

    private static function time(int $ts): string
    {
        return (new \DateTimeImmutable('@' . $ts))->setTimezone(new \DateTimeZone('+08:00'))->format('Y-m-d\TH:i:sP');
    }

    public function transaction(string $no): array
    {
        $o = $this->s->wxpay['orders'][$no];
        $t = ['appid' => $o['req']['appid'], 'mchid' => $o['req']['mchid'], 'out_trade_no' => $no];
        if ($o['transaction_id'] !== null) {
            $t['transaction_id'] = $o['transaction_id'];
        }
        $t += ['trade_type' => 'JSAPI', 'trade_state' => $o['state'], 'trade_state_desc' => ['SUCCESS' => '支付成功', 'NOTPAY' => '订单未支付',
            'CLOSED' => '订单已关闭', 'REFUND' => '转入退款'][$o['state']] ?? $o['state']];
        if ($o['success_time'] !== null) {
            $t += ['bank_type' => 'OTHERS', 'attach' => '', 'success_time' => self::time($o['success_time'])];
        }
        $t['payer'] = ['openid' => $o['req']['payer']['openid']];
        $total = $o['req']['amount']['total'];
        $t['amount'] = $o['success_time'] !== null
            ? ['total' => $total, 'payer_total' => $total, 'currency' => 'CNY', 'payer_currency' => 'CNY']
            : ['total' => $total, 'currency' => 'CNY'];
        return $t;
    }

    public function refund(string $rno): array
    {
        $f = $this->s->wxpay['refunds'][$rno];
        $o = $this->s->wxpay['orders'][$f['req']['out_trade_no']];
        $r = ['refund_id' => $f['refund_id'], 'out_refund_no' => $rno, 'transaction_id' => $o['transaction_id'],
            'out_trade_no' => $f['req']['out_trade_no'], 'channel' => 'ORIGINAL', 'user_received_account' => '支付用户零钱',
            'create_time' => self::time($f['create_time']), 'status' => $f['status'], 'funds_account' => 'AVAILABLE',
            'amount' => ['total' => $f['req']['amount']['total'], 'refund' => $f['req']['amount']['refund'], 'payer_total' => $f['req']['amount']['total'],
                'payer_refund' => $f['req']['amount']['refund'], 'settlement_refund' => $f['req']['amount']['refund'],
                'settlement_total' => $f['req']['amount']['total'], 'discount_refund' => 0, 'currency' => 'CNY']];
        if ($f['success_time'] !== null) {
            $r['success_time'] = self::time($f['success_time']);
        }
        return $r;
    }

    /** The notification WeChat Pay would POST: encrypted resource, signed headers; POSTed when $deliverTo. */
    public function notify(string $event, string $type, array $plain, ?string $deliverTo): array
    {
        $cfg = $this->s->cfg('wxpay');
        $nonce = substr(bin2hex(random_bytes(6)), 0, 12);
        $ct = openssl_encrypt(json_encode($plain, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), 'aes-256-gcm', $cfg['apiv3_key'],
            OPENSSL_RAW_DATA, $nonce, $tag, $type, 16);
        $body = json_encode(['id' => 'EV-' . bin2hex(random_bytes(10)), 'create_time' => self::time($this->s->now()),
            'resource_type' => 'encrypt-resource', 'event_type' => $event,
            'summary' => str_starts_with($event, 'REFUND') ? '退款成功' : '支付成功',
            'resource' => ['original_type' => $type, 'algorithm' => 'AEAD_AES_256_GCM', 'ciphertext' => base64_encode($ct . $tag),
                'associated_data' => $type, 'nonce' => $nonce]], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
        $r = $this->signed(new Response(200, $body, ['Wechatpay-Signature-Type' => 'WECHATPAY2-SHA256-RSA2048']));
        unset($r->headers['Request-ID']);
        $delivered = null;
        if ($deliverTo !== null) {
            $h = "Content-Type: application/json\r\nConnection: close\r\n";
            foreach ($r->headers as $k => $v) {
                $h .= "$k: $v\r\n";
            }
            $ctx = stream_context_create(['http' => ['method' => 'POST', 'header' => $h, 'content' => $body, 'ignore_errors' => true, 'timeout' => 10]]);
            $answer = @file_get_contents($deliverTo, false, $ctx);
            $delivered = isset($http_response_header[0]) && preg_match('~^HTTP/\S+ (\d+)~', $http_response_header[0], $m) ? (int) $m[1] : 0;
            $this->s->wxpay['deliveries'][] = ['url' => $deliverTo, 'status' => $delivered, 'answer' => $answer];
        }
        return ['headers' => $r->headers, 'body' => $body, 'delivered' => $delivered];
    }

    public function control(Request $r): Response
    {
        $j = $r->json();
        $w = &$this->s->wxpay;
        $deliver = is_array($j) && !empty($j['deliver']) ? (is_string($j['deliver']) ? $j['deliver'] : null) : null;
        switch ($r->path) {
            case '/_wxpay/state':
                return Response::json($w);
            case '/_wxpay/pay':
                $no = $j['out_trade_no'] ?? '';
                if (!isset($w['orders'][$no]) || $w['orders'][$no]['state'] === 'CLOSED') {
                    return Response::json(['error' => 'no open order ' . $no], 404);
                }
                if ($w['orders'][$no]['state'] === 'NOTPAY') {
                    $w['orders'][$no]['state'] = 'SUCCESS';
                    $w['orders'][$no]['transaction_id'] = '42000' . gmdate('YmdHis', $this->s->now()) . str_pad((string) $this->s->nextId(), 9, '0', STR_PAD_LEFT);
                    $w['orders'][$no]['success_time'] = $this->s->now();
                }
                $plain = array_replace_recursive($this->transaction($no), is_array($j['resource'] ?? null) ? $j['resource'] : []);
                return Response::json($this->notify('TRANSACTION.SUCCESS', 'transaction', $plain, $deliver ?? ($j['deliver_to'] ?? null)));
            case '/_wxpay/refund':
                $rno = $j['out_refund_no'] ?? '';
                if (!isset($w['refunds'][$rno])) {
                    return Response::json(['error' => 'no refund ' . $rno], 404);
                }
                $status = $j['status'] ?? 'SUCCESS';
                if ($status === 'CLOSED' && $w['refunds'][$rno]['status'] !== 'CLOSED') {
                    // a closed refund gives the amount back to the order
                    $w['orders'][$w['refunds'][$rno]['req']['out_trade_no']]['refunded'] -= $w['refunds'][$rno]['req']['amount']['refund'];
                }
                $w['refunds'][$rno]['status'] = $status;
                if ($status === 'SUCCESS') {
                    $w['refunds'][$rno]['success_time'] = $this->s->now();
                }
                $f = $this->refund($rno);
                $plain = ['mchid' => $this->s->cfg('wxpay')['mchid'], 'transaction_id' => $f['transaction_id'], 'out_trade_no' => $f['out_trade_no'],
                    'refund_id' => $f['refund_id'], 'out_refund_no' => $rno, 'refund_status' => $status,
                    'success_time' => $f['success_time'] ?? '', 'user_received_account' => $f['user_received_account'],
                    'amount' => ['total' => $f['amount']['total'], 'refund' => $f['amount']['refund'], 'payer_total' => $f['amount']['payer_total'],
                        'payer_refund' => $f['amount']['payer_refund']]];
                $plain = array_replace_recursive($plain, is_array($j['resource'] ?? null) ? $j['resource'] : []);
                return Response::json($this->notify('REFUND.' . $status, 'refund', $plain, $j['deliver_to'] ?? null));
            case '/_wxpay/notify':
                if (!is_array($j) || !is_string($j['event_type'] ?? null) || !is_array($j['resource'] ?? null)) {
                    return Response::json(['error' => 'event_type and resource expected'], 400);
                }
                return Response::json($this->notify($j['event_type'], (string) ($j['original_type'] ?? 'transaction'), $j['resource'], $j['deliver_to'] ?? null));
        }
        return Response::json(['error' => 'unknown control endpoint'], 404);
    }
}
