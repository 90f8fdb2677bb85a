<?php

/**
 * OpenSSL helpers of the integrations, exposed for tests and for PHP code that must agree with
 * the extension byte for byte (signatures of WeChat Pay v3, Tencent Cloud TC3, Aliyun).
 *
 * @generate-class-entries
 */

namespace CloudAcct\Crypto;

/** A key is unusable, or data failed verification or decryption. */
final class SignatureException extends \CloudAcct\IntegrationException
{
}

final class Signer
{
    private function __construct() {}

    /** Lowercase hex SHA-256. */
    public static function sha256Hex(string $data): string {}

    /** HMAC-SHA256: lowercase hex, or the 32 raw bytes when $binary. */
    public static function hmacSha256(#[\SensitiveParameter] string $key, string $message, bool $binary = false): string {}

    /** Base64 of HMAC-SHA1 (Aliyun RPC signature v1). */
    public static function hmacSha1Base64(#[\SensitiveParameter] string $key, string $message): string {}

    /** Constant-time comparison (CRYPTO_memcmp); false when the lengths differ. */
    public static function equals(string $known, string $given): bool {}

    /** Standard base64 with padding, no line breaks. */
    public static function base64Encode(string $data): string {}

    /** Strict standard base64; a ValueError for anything else. */
    public static function base64Decode(string $data): string {}

    /** Base64 RSA-SHA256 (PKCS#1 v1.5) signature with a PEM private key (PKCS#1 or PKCS#8). */
    public static function rsaSha256Sign(#[\SensitiveParameter] string $privateKeyPem, string $message): string {}

    /** Verifies a base64 RSA-SHA256 signature with a PUBLIC KEY or CERTIFICATE PEM. */
    public static function rsaSha256Verify(string $publicKeyPem, string $message, string $signature): bool {}

    /**
     * AES-GCM decryption as WeChat Pay v3 resources need it: $key is the APIv3 key as is (32 bytes
     * → AES-256), $ciphertext is base64 with the 16-byte tag at the end. SignatureException when
     * the tag does not verify.
     */
    public static function aesGcmDecrypt(#[\SensitiveParameter] string $key, string $nonce, string $associatedData, string $ciphertext): string {}
}
