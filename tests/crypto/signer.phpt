--TEST--
Crypto\Signer: SHA-256, HMACs, base64, constant-time compare, RSA-SHA256 and AES-GCM against the reference vectors
--EXTENSIONS--
cloudacct
--FILE--
<?php
use CloudAcct\Crypto\Signer;
require __DIR__ . '/../inc/config.inc';
$key = <<<'PEM'
-----BEGIN RSA PRIVATE KEY-----
MIIEogIBAAKCAQEAptpm+qvIDCh/9wjU26SQCK26ogYkBhDrYxnAaw2JbbBsp1oD
bHKk+1r381NeBUG2HEFAuU+Fr72u5ot3yKdzoF/FajAzQNKnm569/D3upKoi8mYB
aST15Uig8j8qoUW1U217LL0jEHlSnHV3lcaDTXqDpTRR4Bfz9IqOgJgFZ8/oTfEo
mSrjrLYef81Eyxr7ZIMQXEKKEK7V4UXKS0+/fDsiG/cXidhzt8UbTL9vqXqxM2+I
DImyO+FAc/tkBG55LmzxPto1Nq0WbnZzRM/wTzrd0I/8NlevxtFbphg4evlHjFNI
7+GrqR87ViEwuAJJ9Je5QQjct5YJfFRWiZ5CMQIDAQABAoIBAGBi/GhEgezcHIg1
ltlHaFlLGuxsRbUnYwM9phVxnXk7GJlYe2/TjpERjPkIqOC6hBwwadZjJORP3FCc
Mtc8PKRhjuZ377O7vU0915x2nnyLOGL1IE2AJ3iLi0ZFzTea0FPgg+5lWHM00s9F
YI6qPcGtS41M+xtMWwZiYE3TBBRibHiY8ugGyaNAhiMKehyW05uApjlIF55wwCGx
BkyESJpGRR/6853iHke6Ge+xVcMa9QmQdoH0QqL/8kT28PL568mJJr0Ow/83t4+d
Pe70YPzKAxgUnaDsHJqO+b8qH69AEs8rTI5h2Mon6pH+bJT66KUoiXhn+Kf+4LSs
henRP10CgYEA1QJSfuFOWVRjrg3N/rAIc/Ak84BTZavbyrkqBSuoTs9i/nMI/hOz
VxpDntg7Bx2Tctl6sZO3GioTxKdc/YYaTKci1TKBbeginpsqEQVgwkMCy8HpvUmR
fyAMqLwZC4h9+j+NiZtuoFJDTCgv+WYbasX+kWYEUM21bnSYuO7yEQsCgYEAyIdP
r9uzqPgzN34Tmx+CNTa16VjhBh+zkBtXRLDLhWBeIYxoYNJARD98Pb1XZdvpkZZW
Sk7MfaKo2/DomzyyyB/MbHWwAdFi3yb4y7uMJfyC1MzdUSNN3Vp579hJxHkJ+nN4
Ys76yfcEeVOLnvUT1Z0KKCdIWRdT1Lgi+X1itzMCgYBJUXlPzwGG4fNFj97d0X23
Wmt9nSgXkOYgi0eZbAOMzPmIF9R6kBFk49dur4Lx2g5Ms+r1gKC/0sfnIqxxX11i
EQ1+UNoYGJUB/uql3TIG68XkmKR50P7RwRhaZBRC0gJ6xrFTMjsL2ATuC88niyvY
vrn3FiRaI9RVZrDCxwxvLQKBgEXW4okEAqGBuAzGqztmkOnJoTehDdYdKmOxMgap
cGiGdKJIjX3THDDoz3ONQyglnEZpTqpYoV3MTfU0BT8zt6x9bqwDnQY1D7NalmIW
cqw0Mri8lQQSQKcsQLWo5aA466G/n5kCL1Qx5OwAjesRvhOyuvvbGpZ0ymyWqQ+t
fLkDAoGATcul1L8y5D/wNVP1GXbXMZfBsFP3bbqy8c+Ashm6g8OLm2mGNntd5Z6h
1KkID7Yksh+dZ6t7XaPBtGACXX5Eryr537JVvdX8hAVCp5HVtaN/9VBVP8Ka2e4s
VS/xeNgOMQ7uzhRPBJ8HiTmdI1nHhDnYQpGiBgQn0Z5RAkSvFMk=
-----END RSA PRIVATE KEY-----
PEM;
$pub = <<<'PEM'
-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAptpm+qvIDCh/9wjU26SQ
CK26ogYkBhDrYxnAaw2JbbBsp1oDbHKk+1r381NeBUG2HEFAuU+Fr72u5ot3yKdz
oF/FajAzQNKnm569/D3upKoi8mYBaST15Uig8j8qoUW1U217LL0jEHlSnHV3lcaD
TXqDpTRR4Bfz9IqOgJgFZ8/oTfEomSrjrLYef81Eyxr7ZIMQXEKKEK7V4UXKS0+/
fDsiG/cXidhzt8UbTL9vqXqxM2+IDImyO+FAc/tkBG55LmzxPto1Nq0WbnZzRM/w
Tzrd0I/8NlevxtFbphg4evlHjFNI7+GrqR87ViEwuAJJ9Je5QQjct5YJfFRWiZ5C
MQIDAQAB
-----END PUBLIC KEY-----
PEM;
// wechat-protocols.md §1.11 (messages with \n written as in the table)
$vectors = [
    'V3-3' => ['GET\n/v3/pay/transactions/out-trade-no/1217752501201407033233368018?mchid=1900007291\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n', 'cVvdVujlEmASmAYpcmKXmIrlQualKxd87f8XZtnTeLCw3V7kZ1ST6YwX0kSLsqJeecZqmKJfd6ieRl/hRLZUodxXU1NzoTz1OXNh6TzBfcxU8xRNFbmPiEHwMJM7Jo52TYGk71MaCbvkPlUpUL6WhpmAgfC7jg/3IcA/UILbby4Nro0Nbq0An/DYEEp8vZMaags/5ed52JpGqxEOcTLIuqihy+Amy5z+t8m3a93YTRNDRi0W5b332UQBtrWRSwJOMU96Nof7hJC2MM71Y1bHB8YP8kBKaoDW7vEoNsEMVzkyp0pyjUHFWc6yaRVHE054z79S2koj3jSRbCiY+CaJzg=='],
    'V3-4' => ['POST\n/v3/pay/transactions/out-trade-no/1217752501201407033233368018/close\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n{"mchid":"1900007291"}\n', 'P07HGWiMaJOltVF73HduLS9BRHZgDNu9vz6W34MvVxtX6wF7x4DukPqSYsKm1rcJ0ZGbdNZnYy4uFR/ghWB2Jr+m4wHI61IkZMKLZSO6mTycv9hrr/GSGhNgCqme+yGjonosG6p5RN9dgn2O/1SL7k3uP6639dWs2mGwBDSd/TfGI1250II3UFxdH1wUTUyJx0nIaJKnsS8JcFkv/yL1HJlM7bg+xoMLQU500RB4DPn6hG3luz4XDobPc49gT6jBxNCviFaPEanGXhW3NKe3dKBvDAsAcSTbEwI1kF2BOx8B0QTtS7FKRZ246KHDjsy5t4GWXztLdAZWIVVVVZDZEQ=='],
    'V3-5' => ['POST\n/v3/refund/domestic/refunds\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n{"out_trade_no":"1217752501201407033233368018","out_refund_no":"R1217752501201407033233368018","reason":"test","notify_url":"https://www.weixin.qq.com/wxpay/refund.php","amount":{"refund":100,"total":100,"currency":"CNY"}}\n', 'ImQkwvC1TtTTSwMfa3IGPNAiEMgbpa+oPRQ+kLPbpIZkKa+gZCsvYHNKs5SXGOuGgAI1xEuBNOJOm2Sn+ObLyySZUkoOmQaOHhumhjJLlru5QgFW3/DrxZS3dNqwzn6JE2IBGReGca25Fr7afW2ws0t1UalwulPCgAvv9FruCr1UU8GRjLIUmJwaa/MEDnzPbY9SPzI0E2rcDQeDRSIKZCgwp4MQB96GUAVxsbMAz02ASRLhSsJAnaSUv9kCWaqzRCVdVBqdDaONpdsT0qnEt1uci+CvdiMySCIOgf3qMjva01CuMUZY4RsBgpp0cXbhnMw7ZkwVb+Kevj5Nzo+VQg=='],
    'V3-6' => ['wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n', 'mIDSHc+67tlJlgnSkB1BD1+B08suWtz70aoSI6wwGE+0FC5qnMkKFLn/yl0aFCeD+vrTrztwbyAhgb+RuVEMk3N/d2VYVR+uWt27BqR58mWdlYufNvBwmMwCLXYyDrnWXFUF5OYnVX8ey3NouScOWlCAr7QzbmL7pja1MbuupT7JfIJbI5rzDcVFvFpKbLX93nG5eJcYomKf2Ubiwu0/ZdlLOx848ToI0US0g9g7I0jBUB7tx1eDV+InsYDvHSkGdNjz2xvg3lx7ZaPgIuTRQzf8o5W2RVndInqYfRdyDn0pmqILM76lUlTAlub38D4oViu5To7WihblSEIa+O47Bg=='],
    'V3-7' => ['wxd678efh567hg6787\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\nprepay_id=wx201410272009395522657a690389285100\n', 'K0bEDsppMXBdxWdCBdYVF63Q2CgEnnbRwXhwpmeiwy//bK5S8ePF+bansjDFEzqan3TTy6LdTrtJowYt2AwbArx+N1g7Qi8xJwMrZe2yxa9hhZ/jCuTSr8qFzoVJRhfU098Y8PEjImyXXl3YLhyjuzsCyEdxSAfx/j5mGWmQxh8WC1iE0Ik0GcNKGhP5x3pQADJ5vzVniq9ZJyKT9wheK8G+3PjsUbn6I+CTPXpjY52sK9rvsoBmrGTpEhceOtgguuRLvN2VPh1vKQpVeI5oNqW1sYvmL2EOx1zo1lpqX9OeJQD1u5GUCXHAQkjQMPiQBQWcJBc1CyPO/JGoiBr18Q=='],
    'V3-8' => ['1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n', 'jeghfsrtH0lEz5KEKnVyRIH89w6EvmjURKBhOF/qUruenAJ9kFC77Cde8CIDtKK5eLX/CbmmNiHiolvDqGjtiqt87+fjTj0qmJWpFskTA2sYih/ARAKGW3FgLA/rL3rVVm+FGuPEsW/Z8xlBbTb3XX1OXoeCTytHVaPNuKd8vlwUqm8YHgZyUfuRcvFFtAPXIekw/VRssa6ytePicDI+zjxmqBD/OfVBZVoFjVmtVYSted5J/i6BK2UBm8bpHfehZDmvbvFu77ySZpVYaXWCwkSM3g7mxySmJnhAZz0XxzdrILlh9mRhh3Ypbgbjsvcwuhp+oPXYBCj1iivVUw5bvQ=='],
];
foreach ($vectors as $name => [$msg, $want]) {
    $msg = str_replace('\\n', "\n", $msg);
    $sig = Signer::rsaSha256Sign($key, $msg);
    echo $name, ': ', $sig === $want ? 'signature matches' : "MISMATCH $sig", ', ', Signer::rsaSha256Verify($pub, $msg, $want) ? 'verifies' : 'does not verify', "\n";
}
// V3-11: the notification — signature over timestamp\nnonce\nbody\n, then AES-256-GCM
$body = '{"id":"EV-2018022511223320873","create_time":"2024-01-01T12:00:05+08:00","resource_type":"encrypt-resource","event_type":"TRANSACTION.SUCCESS","summary":"支付成功","resource":{"original_type":"transaction","algorithm":"AEAD_AES_256_GCM","ciphertext":"DUcegK33A8MEOgdCtMPWwABoxFjy3c3BTENCdjZ/7K2gbkFM2sU/cZ/UPNrLir4DXaSrqBdzgGy/sMCWIPKVQdMoXpY4xG4iYhF7TH0MBs4T7FaM9hoFjn/sa9TCWtjLTRzZiknVkW9IXW37a35VmVaeZyQYgusGnnisNS4A5dYAMLanoUF4L3PO4m3uteG+aMmWJMtSbZltG3H2Cu2Vou2Js2PVFnyTfOk0kYJAGpoCL2ommjUrvbBvauITRk+k/y/n+JuGpdOpOis3M/eGUHdtAIyAvV/ITkfIG5HrFyBdGa2YLbf+GInakMOOp3keLCkCrXxqpGgj/93tkVOlMxLsBE4+v6PxO4W/XgV/4wFoXgWzaWtISZWXQg2PhNlSrB31Zx1oLOQLchwJxi52V1ku3ClmMKFUp+fxqVUY9Xd2v0aYu790sSKRsOWHztB93+hiJGRzz5d0g5EFcVOBDeBJ+CtvEvqoSFSV3DzAqI0D3zzR060zfnbXXysdautyGRF2j6wmjU07c3XWZ1AnERmofPEhEAoAoECGxd3QJSZbMotFyNGjepgqsnJTngj/You4DZgmbqshOhA9gXZJ","associated_data":"transaction","nonce":"fdasflkja484"}}';
echo strlen($body), ' ', Signer::sha256Hex($body), "\n";
$signed = "1704081605\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\n$body\n";
var_dump(Signer::rsaSha256Verify($pub, $signed, 'LiifrSRcHH4Z2ISPpoC90xaw886qQU2usVlfhShxsqXn18UlJPk/ag5TWA1YObJIyHcNeGCI9PevX58RT5ZVrEwP3bWu8WjsUmREmBCuyEGXqG+byrHC07TLT+I3ONyXiKwmzvn/vALSgsTGvYUi7vYXf4tl6Na7drJINAucpzHNKv8gwxPCVGMjYBbsueLFaGaj5Q8OdJnLpFei5KQUw+7te2kmSWeA8xbuIsnyc4l8RzocEfRif2ZvfndvdY2Z28w3V3Ur3+xqSj95eR4Ymr8K5PsGlwKDis+5ChUnHAoG0XYSB3ykveFK9s3a3IBAySK7PCmAwokUJya0BNNQPg=='));
var_dump(Signer::rsaSha256Verify($pub, $signed . ' ', 'LiifrSRcHH4Z2ISPpoC90xaw886qQU2usVlfhShxsqXn18UlJPk/ag5TWA1YObJIyHcNeGCI9PevX58RT5ZVrEwP3bWu8WjsUmREmBCuyEGXqG+byrHC07TLT+I3ONyXiKwmzvn/vALSgsTGvYUi7vYXf4tl6Na7drJINAucpzHNKv8gwxPCVGMjYBbsueLFaGaj5Q8OdJnLpFei5KQUw+7te2kmSWeA8xbuIsnyc4l8RzocEfRif2ZvfndvdY2Z28w3V3Ur3+xqSj95eR4Ymr8K5PsGlwKDis+5ChUnHAoG0XYSB3ykveFK9s3a3IBAySK7PCmAwokUJya0BNNQPg=='));
var_dump(Signer::rsaSha256Verify($pub, $signed, 'WECHATPAY/SIGNTEST/abc'));
$res = json_decode($body, true)['resource'];
$plain = Signer::aesGcmDecrypt('0123456789abcdef0123456789abcdef', $res['nonce'], $res['associated_data'], $res['ciphertext']);
$tx = json_decode($plain, true);
echo $tx['out_trade_no'], ' ', $tx['trade_state'], ' ', $tx['trade_state_desc'], ' ', $tx['amount']['total'], "\n";
echo bin2hex(substr(Signer::base64Decode($res['ciphertext']), -16)), "\n";
ca_expect_throw(fn() => Signer::aesGcmDecrypt('0123456789abcdef0123456789abcdef', $res['nonce'], 'refund', $res['ciphertext']));
ca_expect_throw(fn() => Signer::aesGcmDecrypt('short', $res['nonce'], '', $res['ciphertext']));
ca_expect_throw(fn() => Signer::aesGcmDecrypt('0123456789abcdef0123456789abcdef', 'n', '', 'not base64!'));
// V3-10 [SDK]: a 16-byte key (AES-128-GCM)
var_dump(Signer::aesGcmDecrypt('testAPIv3Key0000', 'wCq51qZv4Yfg', 'Dl56FrqWQJF1t9LtC3vEUsniZKvbqdR8', 'FsdXzxryWfKwvLJKf8LG/ToRPTRh8RN9wROC'));
// HMACs (RFC 4231 / RFC 2202 case 2) and TC-2's payload hash
echo Signer::hmacSha256('Jefe', 'what do ya want for nothing?'), "\n";
echo bin2hex(Signer::hmacSha256('Jefe', 'what do ya want for nothing?', true)) === Signer::hmacSha256('Jefe', 'what do ya want for nothing?') ? "binary ok\n" : "binary differs\n";
echo Signer::hmacSha1Base64('Jefe', 'what do ya want for nothing?'), "\n";
echo Signer::sha256Hex('{"PhoneNumberSet":["+8613711112222"],"SmsSdkAppId":"1400006666","SignName":"腾讯云","TemplateId":"1234567","TemplateParamSet":["123456","5"]}'), "\n";
// base64 and compare
var_dump(Signer::base64Encode("\xff\xfe"), Signer::base64Decode('Zm9vYg=='), Signer::equals('abc', 'abc'), Signer::equals('abc', 'abd'), Signer::equals('abc', 'abcd'));
ca_expect_throw(fn() => Signer::base64Decode('Zm9v\n'));
// bad keys: typed exception, and the key never shows in a trace
ca_expect_throw(fn() => Signer::rsaSha256Sign('-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----', 'x'));
ca_expect_throw(fn() => Signer::rsaSha256Verify($key, 'x', 'AAAA'));
try {
    Signer::hmacSha256('super-secret-key', new stdClass);
} catch (TypeError $e) {
    echo str_contains($e->getTraceAsString(), 'super-secret-key') ? "secret in trace\n" : "secret hidden\n";
}
ca_expect_throw(fn() => new Signer());
?>
--EXPECT--
V3-3: signature matches, verifies
V3-4: signature matches, verifies
V3-5: signature matches, verifies
V3-6: signature matches, verifies
V3-7: signature matches, verifies
V3-8: signature matches, verifies
909 a02c61fade68078c3553a3452b17d410c196739c110f481e1bc266b50a4ab598
bool(true)
bool(false)
bool(false)
1217752501201407033233368018 SUCCESS 支付成功 100
ff628bb80d98266eab213a103d817649
CloudAcct\Crypto\SignatureException: 验证失败：数据被篡改或密钥不匹配 (verification failed)
CloudAcct\Crypto\SignatureException: 密钥无法使用，请检查证书或密钥文件 (unusable key)
ValueError: CloudAcct\Crypto\Signer::aesGcmDecrypt(): Argument #4 ($ciphertext) must be standard base64 with padding
string(11) "Hello World"
5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843
binary ok
7/zfauXrL6LSdBbV8YTfnCWafHk=
5823f87723d9ba6dd16dd6ed244c9126b9d1560a433c48ca3f988b9f75a33816
string(4) "//4="
string(4) "foob"
bool(true)
bool(false)
bool(false)
ValueError: CloudAcct\Crypto\Signer::base64Decode(): Argument #1 ($data) must be standard base64 with padding
CloudAcct\Crypto\SignatureException: 密钥无法使用，请检查证书或密钥文件 (unusable key)
CloudAcct\Crypto\SignatureException: 密钥无法使用，请检查证书或密钥文件 (unusable key)
secret hidden
Error: Call to private CloudAcct\Crypto\Signer::__construct() from global scope
