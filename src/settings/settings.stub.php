<?php

/**
 * Per-uniacid settings read by the core (grab window, working calendar, dunning schedule…).
 *
 * @generate-class-entries
 */

namespace CloudAcct;

/**
 * @strict-properties
 * @not-serializable
 */
final class Settings
{
    public function __construct(Store $store) {}

    /** The stored value or its default. Secrets come back masked ("****" + last 4). */
    public function get(string $name): mixed {}

    /**
     * Admin only. name => ["value", "default", "label", "type", "secret", "stored"], secrets masked,
     * for the settings page.
     */
    public function all(Actor $admin): array {}

    /**
     * Admin only. Validates against the key's type and range; a masked secret sent back unchanged
     * keeps the stored secret (so a settings form can round-trip it).
     */
    public function set(Actor $admin, string $name, mixed $value): void {}

    /** Admin only. Back to the default. */
    public function reset(Actor $admin, string $name): void {}
}
