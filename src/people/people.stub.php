<?php

/**
 * People: stores (门店), staff (员工), client companies (客户), their contacts (联系人, WeChat fans)
 * and the exclusive accountant (专属会计).
 *
 * Every method takes the acting CloudAcct\Actor first (except the few a not-yet-bound WeChat fan
 * calls, which take the fan's openid) and authorises it here: admins see the uniacid, limited to
 * their stores when CloudAcct\People\Stores::setAdminScope() limited them; staff see themselves and
 * the companies they are the exclusive accountant of; a contact sees the companies it is bound to.
 * Rows the actor may not see behave as if they did not exist (NotFoundException).
 *
 * Bad input is a CloudAcct\ValidationException naming the field (nothing is written); a wrong id
 * (<= 0) or page is a ValueError. Every change writes an audit row in the same transaction.
 *
 * @generate-class-entries
 */

namespace CloudAcct\People;

/**
 * Stores (门店). Staff and client companies may belong to one; admins may be limited to some.
 *
 * @strict-properties
 * @not-serializable
 */
final class Stores
{
    public function __construct(\CloudAcct\Store $store) {}

    /**
     * Admin not limited to stores. $data: name (required, ≤ 64), address (≤ 255), phone (≤ 32,
     * digits - + ( ) and blanks), sort (int). Returns the new store's id.
     */
    public function create(\CloudAcct\Actor $admin, array $data): int {}

    /** Admin (a limited admin: only their stores). $changes: any key of create(). */
    public function update(\CloudAcct\Actor $admin, int $storeId, array $changes): void {}

    /** Admin. id, name, address, phone, active, sort, staff_count, client_count, created_at, updated_at. */
    public function get(\CloudAcct\Actor $admin, int $storeId): array {}

    /**
     * Admins get their stores (inactive ones too when asked); everybody else gets the active
     * stores, for pickers. Ordered by sort, then id.
     */
    public function list(\CloudAcct\Actor $actor, bool $includeInactive = false): array {}

    /** Admin not limited to stores. Deactivated stores take no new staff or clients. */
    public function setActive(\CloudAcct\Actor $admin, int $storeId, bool $active): void {}

    /**
     * Admin not limited to stores: limits the 微擎 backend user $we7Uid to $storeIds (ids of this
     * uniacid's stores); [] lifts the limit. Admins cannot change their own limit.
     */
    public function setAdminScope(\CloudAcct\Actor $admin, int $we7Uid, array $storeIds): void {}

    /** The store ids $we7Uid is limited to ([] = the whole uniacid). Admins may read their own. */
    public function adminScope(\CloudAcct\Actor $admin, int $we7Uid): array {}
}

/**
 * Staff (员工): accountants and other employees who take jobs.
 *
 * @strict-properties
 * @not-serializable
 */
final class Staff
{
    public function __construct(\CloudAcct\Store $store) {}

    /**
     * Admin. $data: name (required, ≤ 32), phone (mobile), photo (http(s) URL or attachment
     * path), wechat (≤ 64), title (≤ 32), store_id, open_job_cap (0..1000, default 20), on_duty
     * (bool), hired_at (unix time), skills (list of ≤ 20 labels of ≤ 32 characters).
     * A limited admin must put the person in one of their stores.
     */
    public function create(\CloudAcct\Actor $admin, array $data): int {}

    /** Admin. $changes: any key of create(); skills replaces the whole list. */
    public function update(\CloudAcct\Actor $admin, int $staffId, array $changes): void {}

    /**
     * Admin, or the staff member themselves. id, store_id, store_name, name, phone, photo, wechat,
     * title, open_job_cap, open_jobs, on_duty, active, wechat_bound, we7_uid, hired_at,
     * client_count (companies they are the exclusive accountant of), skills, created_at, updated_at.
     */
    public function get(\CloudAcct\Actor $actor, int $staffId): array {}

    /**
     * Admin. Filters: store_id (int), active (bool), on_duty (bool), skill (string), keyword
     * (name or phone). Returns ["total" => int, "items" => list<array>], by id.
     */
    public function list(\CloudAcct\Actor $admin, array $filter = [], int $page = 1, int $perPage = 20): array {}

    /**
     * Admin (or system). What a staff picker needs, in one statement: the active staff the admin
     * may assign (an admin limited to stores: those of their stores), by id. Each: id, name,
     * store_id, store_name ("" without a store), open_jobs, open_job_cap, on_duty.
     */
    public function options(\CloudAcct\Actor $admin): array {}

    /** Admin. Inactive staff get no jobs and cannot act (resolveByOpenid() returns null). */
    public function setActive(\CloudAcct\Actor $admin, int $staffId, bool $active): void {}

    /** Admin, or an active staff member for themselves (上班/下班). */
    public function setOnDuty(\CloudAcct\Actor $actor, int $staffId, bool $onDuty): void {}

    /**
     * Admin. A one-time code (8 characters, no 0/O/1/I) that binds a WeChat fan to this staff
     * record; valid for $ttlSeconds (60..2592000). Issuing a new one voids the unused ones.
     */
    public function issueBindCode(\CloudAcct\Actor $admin, int $staffId, int $ttlSeconds = 86400): string {}

    /**
     * Binds the fan $openid to the staff record the code was issued for and returns the staff id.
     * Unknown, used, expired or malformed codes and a fan already bound to another staff member
     * are refused with a ValidationException; nothing is written then.
     */
    public function bindByCode(string $openid, #[\SensitiveParameter] string $code, string $ip = ""): int {}

    /** Admin. Forgets the bound fan (a lost phone, someone leaving). */
    public function unbindWechat(\CloudAcct\Actor $admin, int $staffId): void {}

    /** The active staff member bound to this fan, or null. */
    public function resolveByOpenid(string $openid): ?int {}

    /** Admin. Links a 微擎 backend user to this staff record (0 unlinks); one staff per user. */
    public function linkWe7User(\CloudAcct\Actor $admin, int $staffId, int $we7Uid): void {}

    /** The active staff member linked to this 微擎 backend user, or null. */
    public function resolveByWe7User(int $we7Uid): ?int {}
}

/**
 * Client companies (客户) and their exclusive accountant (专属会计).
 *
 * @strict-properties
 * @not-serializable
 */
final class Clients
{
    public function __construct(\CloudAcct\Store $store) {}

    /**
     * Admin. $data: name (required, 2..128), credit_code (统一社会信用代码: checked with its check
     * character, stored upper case, unique), taxpayer_type ("small" 小规模纳税人 | "general"
     * 一般纳税人), industry (≤ 64), address (≤ 255), store_id, accountant_id (an active staff
     * member), tags (list of ≤ 10 labels of ≤ 16 characters), status ("active" | "paused" |
     * "terminated"), notes (≤ 2000, multi-line). A second company with the same credit code, or
     * with the same name when either has no credit code, is refused naming the existing one.
     */
    public function create(\CloudAcct\Actor $admin, array $data): int {}

    /** Admin. $changes: any key of create() but accountant_id (see assignAccountant()). */
    public function update(\CloudAcct\Actor $admin, int $clientId, array $changes): void {}

    /**
     * Whoever may see the company. id, name, credit_code, taxpayer_type, industry, address,
     * store_id, store_name, accountant_id, accountant_name, status, created_at, updated_at, and for
     * staff/admins also tags and notes.
     */
    public function get(\CloudAcct\Actor $actor, int $clientId): array {}

    /**
     * Admins (their stores) and staff (their own companies). Filters: keyword (name or credit
     * code), store_id, accountant_id (0 = none), status, taxpayer_type, tag. Returns
     * ["total" => int, "items" => list<array>], newest first. With a keyword the count stops at
     * 1,000 matches: "total" is then 1000 and "total_capped" (only with a keyword) is true.
     */
    public function search(\CloudAcct\Actor $actor, array $filter = [], int $page = 1, int $perPage = 20): array {}

    /**
     * Admin. Makes $staffId (an active staff member; 0 = nobody) the exclusive accountant and
     * records the handover with $reason (1..255 characters).
     */
    public function assignAccountant(\CloudAcct\Actor $admin, int $clientId, int $staffId, string $reason): void {}

    /**
     * Admin. Moves every company of $fromStaffId (within the admin's stores) to $toStaffId, one
     * handover row each, in one transaction. Returns how many moved.
     */
    public function bulkHandover(\CloudAcct\Actor $admin, int $fromStaffId, int $toStaffId, string $reason): int {}

    /**
     * Admin (their stores), or staff for a company of theirs (filter client_id required).
     * Filters: client_id, staff_id (either side), since, until. Returns ["total", "items"],
     * newest first.
     */
    public function handovers(\CloudAcct\Actor $actor, array $filter = [], int $page = 1, int $perPage = 20): array {}

    /**
     * What the company's people see of their exclusive accountant: the fields the
     * accountant_card_fields setting names (of name, photo, phone, wechat, title). Null when the
     * company has no active exclusive accountant.
     */
    public function accountantCard(\CloudAcct\Actor $actor, int $clientId): ?array {}
}

/**
 * Contacts (联系人): people of client companies, known by their WeChat fan openid. One fan may
 * belong to several companies and switch between them.
 *
 * @strict-properties
 * @not-serializable
 */
final class Contacts
{
    public function __construct(\CloudAcct\Store $store) {}

    /**
     * Admin (their stores) or the company's exclusive accountant. A one-time invite code for
     * the company; $role is "owner" (负责人), "finance" (财务) or "member" (其他); valid for
     * $ttlSeconds (300..2592000).
     */
    public function issueInvite(\CloudAcct\Actor $actor, int $clientId, string $role = "owner", int $ttlSeconds = 604800): string {}

    /**
     * Binds the fan to the invite's company (creating the contact on first use, else updating
     * its name and phone) and makes it the current company. Returns the contact id. Unknown,
     * used, expired or malformed codes are refused with a ValidationException; one code binds
     * exactly once, even when used twice at the same moment.
     */
    public function bindByInvite(string $openid, #[\SensitiveParameter] string $code, string $name, string $phone, string $ip = ""): int {}

    /** The contact bound to this fan, or null. */
    public function resolveByOpenid(string $openid): ?int {}

    /** The contact's companies: client_id, name, status, role, bound_at, current. */
    public function companies(\CloudAcct\Actor $client): array {}

    /** The company the contact is working in (the last switched to, else the first bound), or null. */
    public function currentCompany(\CloudAcct\Actor $client): ?int {}

    public function switchCompany(\CloudAcct\Actor $client, int $clientId): void {}

    /**
     * A fan asks to become a contact of a company (self-registration, when the
     * client_self_register setting allows it); an admin approves or rejects. Returns the
     * registration id. One pending registration per fan.
     */
    public function register(string $openid, string $name, string $phone, string $companyName, ?string $creditCode = null, string $ip = ""): int {}

    /** The fan's latest registration (id, status, company_name, client_id, review_note, created_at, reviewed_at) or null. */
    public function registrationStatus(string $openid): ?array {}

    /** Admin. Filters: status (pending|approved|rejected), keyword. ["total", "items"], newest first. */
    public function registrations(\CloudAcct\Actor $admin, array $filter = [], int $page = 1, int $perPage = 20): array {}

    /**
     * Admin. Binds the registrant to $clientId, or to a new company made from the registration
     * (in $storeId) when $clientId is null. Returns the company id.
     */
    public function approve(\CloudAcct\Actor $admin, int $registrationId, ?int $clientId = null, int $storeId = 0): int {}

    /** Admin. $reason (≤ 255) is shown to the registrant. */
    public function reject(\CloudAcct\Actor $admin, int $registrationId, string $reason = ""): void {}

    /** Admin. Removes the contact from the company. */
    public function unbind(\CloudAcct\Actor $admin, int $clientId, int $contactId): void {}

    /**
     * Whoever may see the company: contact_id, name, phone, role, bound_at, wechat_bound. Contacts
     * see their colleagues without phone numbers.
     */
    public function listForClient(\CloudAcct\Actor $actor, int $clientId): array {}
}
