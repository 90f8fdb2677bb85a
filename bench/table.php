<?php
/* Turns bench/run's result lines ("<figure> <impl> <value>") into the one Markdown table:
 * throughputs as medians with their ratios to the floor, to PDO and (work section) to the usual
 * PHP module of bench/usual.php, single values as measured. */
$r = [];
foreach (file($argv[1], FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $line) {
    [$fig, $impl, $v] = explode(' ', $line);
    $r[$fig][$impl][] = (float) $v;
}
$med = function (array $a) { sort($a); return $a[intdiv(count($a), 2)]; };
$ops = '≥ 0.90 × floor, ≥ 2 × PDO';
$rows = [
    'db_select' => ['MySQL layer: point select (5 columns by primary key), ops/s', $ops],
    'db_update' => ['MySQL layer: conditional update (grab shape), ops/s', $ops],
    'db_insert' => ['MySQL layer: append-only insert (history shape), ops/s', $ops],
    'work_grab' => ['work: grab a job (claim, history, audit, client notice), ops/s', $ops],
    'work_start' => ['work: start a job, ops/s', $ops],
    'work_progress' => ['work: post progress, ops/s', $ops],
    'work_ask' => ['work: ask the client (→ waiting_client, SLA paused), ops/s', $ops],
    'work_reply' => ['work: client replies (SLA resumed), ops/s', $ops],
    'work_complete' => ['work: complete a job, ops/s', $ops],
    'work_close' => ['work: client closes a job, ops/s', $ops],
    'work_place' => ['work: place an order (price snapshot, order number), ops/s', $ops],
    'work_settle' => ['work: settle a paid order (creates its job), ops/s', $ops],
    'work_cancel' => ['work: cancel an unpaid order, ops/s', $ops],
    'work_usual_stages_differing' => ['work: stages where the usual PHP module left other rows than the extension', '0'],
    'work_pay' => ['money: post an offline payment (oldest bill first, receipt, ledger, summary), ops/s', $ops],
    'storm_grab_workers' => ['grab storm: worker processes', '32'],
    'storm_grab_jobs' => ['grab storm: open jobs', '1,000'],
    'storm_grab_winners' => ['grab storm: jobs with a winner', '= jobs'],
    'storm_grab_double_assignments' => ['grab storm: jobs with two winners', '0'],
    'storm_grab_counter_mismatches' => ['grab storm: staff open-job counters ≠ their jobs', '0'],
    'storm_grab_errors' => ['grab storm: errors other than “already taken”', '0'],
    'storm_grab_p50_ms' => ['grab storm: grab latency p50, ms', ''],
    'storm_grab_p99_ms' => ['grab storm: grab latency p99, ms', '≤ 10'],
    'storm_grab_max_ms' => ['grab storm: grab latency max, ms', ''],
    'storm_grab_attempts_per_s' => ['grab storm: grab attempts per second (all workers)', ''],
    'storm_transitions_per_s' => ['grab storm: job transitions per second, one process', ''],
    'money_scale_clients' => ['money at scale: client companies (monthly plans)', '100,000'],
    'money_scale_ledger_entries' => ['money at scale: ledger entries', '5,000,000'],
    'money_scale_generate_s' => ['money at scale: generating the history in SQL, s', ''],
    'money_scale_reconcile_mismatches' => ['money at scale: reconcile mismatches in a 100-client sample', '0'],
    'money_billing_run_s' => ['money: billing run of one month for every client, s', '≤ 5'],
    'money_billing_bills_created' => ['money: bills created by that run', '= clients'],
    'money_billing_rerun_s' => ['money: the same run again, s', ''],
    'money_billing_rerun_created' => ['money: bills created by the rerun', '0'],
    'money_arrears_all_ms' => ['money: arrears list, first page, ms (median of 21)', '≤ 25'],
    'money_arrears_store_ms' => ['money: arrears list of one store, ms', '≤ 25'],
    'money_arrears_accountant_ms' => ['money: arrears list of one accountant, ms', '≤ 25'],
    'money_arrears_aging_90_plus_ms' => ['money: arrears list, over 90 days, ms', '≤ 25'],
    'money_arrears_all_clients' => ['money: clients in the arrears list', ''],
    'money_arrears_store_clients' => ['money: of one store', ''],
    'money_arrears_accountant_clients' => ['money: of one accountant', ''],
    'money_arrears_aging_90_plus_clients' => ['money: over 90 days', ''],
    'money_payments_per_s' => ['money: offline payments posted per second at scale', ''],
    'money_after_payments_reconcile_mismatches' => ['money: reconcile mismatches after posting (100 clients)', '0'],
    'money_explain_statements' => ['money: distinct statements EXPLAIN-checked at scale', ''],
    'people_clients' => ['people: client companies', '10,000'],
    'people_search_all_ms' => ['people: client list, first page, ms (median of 21)', ''],
    'people_search_keyword_name_ms' => ['people: search by a part of the name, ms', ''],
    'people_search_keyword_code_ms' => ['people: search by credit-code prefix, ms', ''],
    'people_search_store_ms' => ['people: clients of one store, ms', ''],
    'people_search_accountant_ms' => ['people: clients of one accountant, ms', ''],
    'people_search_tag_ms' => ['people: clients with a tag, ms', ''],
    'people_search_status_ms' => ['people: paused clients, ms', ''],
    'people_explain_statements' => ['people: distinct search statements EXPLAIN-checked', ''],
    'people_explain_full_scans' => ['people: of those, reading a whole table or index of > 1,000 rows', '0'],
    'quality_data_generate_total_s' => ['quality: generating the data (10,000,000 jobs and ratings, aggregates from the rows; first run only), s', ''],
    'quality_data_generate_jobs_s' => ['quality: of which the closed jobs (load + one index ALTER), s', ''],
    'quality_data_generate_ratings_s' => ['quality: of which the ratings (load + one index ALTER), s', ''],
    'quality_data_generate_aggregates_s' => ['quality: of which the aggregates (GROUP BY over the rows), s', ''],
    'quality_data_archive_s' => ['quality: archiving the data directory (zstd; first run only), s', ''],
    'quality_data_archive_mb' => ['quality: archive size, MB', ''],
    'quality_data_restore_s' => ['quality: restoring it, s', ''],
    'quality_data_warm_s' => ['quality: reading the rating and job indexes into the buffer pool, s', ''],
    'quality_staff' => ['quality: staff on the scoreboard', '500'],
    'quality_rating_rows' => ['quality: rows in the ratings table', '10,000,000'],
    'quality_aggregate_ratings' => ['quality: ratings the aggregates count', '= rows'],
    'quality_aggregate_sample_staff' => ['quality: employees whose aggregates are checked against their ratings', ''],
    'quality_aggregate_sample_mismatches' => ['quality: of those, aggregate ≠ the rows (and Σ ≠ the rows)', '0'],
    'quality_busiest_staff_ratings' => ['quality: ratings of the busiest employee', ''],
    'quality_median_staff_ratings' => ['quality: ratings of the median employee', ''],
    'quality_scoreboard_page1_20_ms_p50' => ['quality: scoreboard first page, p50 ms', '≤ 5'],
    'quality_scoreboard_page1_20_ms_p99' => ['quality: scoreboard first page, p99 ms', '≤ 5'],
    'quality_scoreboard_store_filter_ms_p50' => ['quality: scoreboard of one store, p50 ms', '≤ 5'],
    'quality_scoreboard_store_filter_ms_p99' => ['quality: scoreboard of one store, p99 ms', '≤ 5'],
    'quality_scoreboard_page10_20_ms_p50' => ['quality: scoreboard page 10, p50 ms', ''],
    'quality_scoreboard_page10_20_ms_p99' => ['quality: scoreboard page 10, p99 ms', ''],
    'quality_scoreboard_scoped_admin_ms_p50' => ['quality: scoreboard for a store-scoped admin, p50 ms', ''],
    'quality_scoreboard_scoped_admin_ms_p99' => ['quality: scoreboard for a store-scoped admin, p99 ms', ''],
    'quality_scoreboard_staff_actor_ms_p50' => ['quality: scoreboard seen by an employee, p50 ms', ''],
    'quality_scoreboard_staff_actor_ms_p99' => ['quality: scoreboard seen by an employee, p99 ms', ''],
    'quality_scoreboard_200_per_page_ms_p50' => ['quality: scoreboard, 200 per page, p50 ms', ''],
    'quality_scoreboard_200_per_page_ms_p99' => ['quality: scoreboard, 200 per page, p99 ms', ''],
    'quality_scoreboard_statements_reading_ratings' => ['quality: scoreboard statements reading the ratings table', '0'],
    'quality_rate_ms_p50' => ['quality: rate a new finished job (rating + aggregates, one transaction), p50 ms', ''],
    'quality_rate_ms_p99' => ['quality: rate a job, p99 ms', ''],
    'quality_rate_new_rows' => ['quality: ratings added by those calls', ''],
    'quality_rate_aggregate_mismatches' => ['quality: after them, aggregate ≠ the rows', '0'],
    'quality_list_page1_20_ms_p50' => ['quality: backend ratings list, first page, p50 ms', ''],
    'quality_list_page1_20_ms_p99' => ['quality: backend ratings list, first page, p99 ms', ''],
    'quality_list_page10_20_ms_p50' => ['quality: ratings list, page 10, p50 ms', ''],
    'quality_list_page10_20_ms_p99' => ['quality: ratings list, page 10, p99 ms', ''],
    'quality_list_one_staff_ms_p50' => ['quality: ratings list of one employee, p50 ms', ''],
    'quality_list_one_staff_ms_p99' => ['quality: ratings list of one employee, p99 ms', ''],
    'quality_list_bad_only_ms_p50' => ['quality: ratings list, bad ratings only, p50 ms', ''],
    'quality_list_bad_only_ms_p99' => ['quality: ratings list, bad ratings only, p99 ms', ''],
    'quality_list_one_store_ms_p50' => ['quality: ratings list of one store, p50 ms', ''],
    'quality_list_one_store_ms_p99' => ['quality: ratings list of one store, p99 ms', ''],
    'quality_list_scoped_admin_ms_p50' => ['quality: ratings list for a store-scoped admin, p50 ms', ''],
    'quality_list_scoped_admin_ms_p99' => ['quality: ratings list for a store-scoped admin, p99 ms', ''],
    'quality_list_total' => ['quality: the list’s total (first page)', ''],
    'quality_own_ratings_busiest_ms_p50' => ['quality: an employee’s own ratings page (busiest), p50 ms', ''],
    'quality_own_ratings_busiest_ms_p99' => ['quality: an employee’s own ratings page (busiest), p99 ms', ''],
    'quality_own_ratings_median_ms_p50' => ['quality: an employee’s own ratings page (median), p50 ms', ''],
    'quality_own_ratings_median_ms_p99' => ['quality: an employee’s own ratings page (median), p99 ms', ''],
    'quality_performance_one_month_ms_p50' => ['quality: performance figures of one employee for a month, p50 ms', ''],
    'quality_performance_one_month_ms_p99' => ['quality: performance figures of one employee for a month, p99 ms', ''],
    'quality_performance_busiest_year_ms_p50' => ['quality: performance figures of the busiest employee for a year, p50 ms', ''],
    'quality_performance_busiest_year_ms_p99' => ['quality: performance figures of the busiest employee for a year, p99 ms', ''],
    'quality_performance_compare_500_ms_p50' => ['quality: performance of all 500 employees side by side for a month, p50 ms', ''],
    'quality_performance_compare_500_ms_p99' => ['quality: performance of all 500 employees side by side for a month, p99 ms', ''],
    'quality_explain_statements' => ['quality: distinct statements of these calls EXPLAIN-checked', ''],
    'quality_explain_full_scans' => ['quality: of those, reading a whole table or index of > 1,000 rows (derived tables included)', ''],
    'quality_explain_full_scans_of_tables' => ['quality: of those, on a table (not the capped counts’ derived tables of ≤ 10,001 rows)', '0'],
    'quality_scoreboard_statements' => ['quality: statements of the six scoreboard calls', ''],
    'money_explain_full_scans' => ['money: of those, reading a whole table or index of > 1,000 rows', '0'],
];
echo "| figure | target | measured | floor (bare C) | PHP+PDO | usual PHP module, ops/s | ext ÷ floor | ext ÷ PDO | ext ÷ usual"
    . " | SQL statements per op | usual version's statements per op |\n";
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
$seen = [];
foreach ($rows + array_fill_keys(array_keys($r), null) as $fig => $meta) {
    if (!isset($r[$fig]) || isset($seen[$fig])) {
        continue;
    }
    $seen[$fig] = true;
    [$label, $target] = $meta ?? [label_of($fig), target_of($fig)];
    $x = $r[$fig];
    if (isset($x['ext'])) {
        [$e, $f, $p] = [$med($x['ext']), $med($x['floor']), $med($x['pdo'])];
        // the usual PHP module (bench/usual.php): only where it was written and left the extension's rows
        $u = isset($x['usual']) ? $med($x['usual']) : null;
        printf("| %s | %s | %d | %d | %d | %s | %.2f | %.2f | %s | %s | %s |\n", $label, $target, $e, $f, $p,
            $u === null ? '' : sprintf('%d', $u), $e / $f, $e / $p, $u === null ? '' : sprintf('%.2f', $e / $u),
            isset($x['statements']) ? (string) $med($x['statements']) : '1',
            isset($x['usual_statements']) ? (string) $med($x['usual_statements']) : '');
    } else {
        printf("| %s | %s | %s | | | | | | | | |\n", $label, $target, rtrim(rtrim(sprintf('%.3f', $med($x['value'])), '0'), '.'));
    }
}

/* Figures printed by bench scripts without an entry above: notices_template_<N>_fanout etc. */
function label_of(string $fig): string
{
    if (str_starts_with($fig, 'people_10x_')) {
        return '10× data — ' . ($GLOBALS['rows']['people_' . substr($fig, 11)][0] ?? $fig);
    }
    if (preg_match('/^notices_template_(\d+)_(fanout|one_by_one)$/', $fig, $m)) {
        return $m[2] === 'fanout'
            ? "notices: {$m[1]} template messages, 100 ms API latency, libcurl multi fan-out, s"
            : "notices: {$m[1]} template messages, 100 ms API latency, one by one, s";
    }
    return $fig;
}

function target_of(string $fig): string
{
    if (preg_match('/^people_10x_search_.*_ms$/', $fig)) {
        return '≤ 1.5 × the 10,000 figure';
    }
    return preg_match('/^notices_template_1000_fanout$/', $fig) ? '≤ 2.5' : '';
}
