<?php
/* Reads bench/work.php's "figure value" lines (the grab storm) and prints the dev/reliability
 * table row: every job has exactly one winner (none lost, none doubled), no error other than
 * "already taken", every staff open-job counter equals that employee's assigned jobs. */
$v = [];
foreach (file($argv[1], FILE_IGNORE_NEW_LINES) as $line) {
    if (preg_match('/^(grab_\w+) ([0-9.]+)$/', $line, $m)) {
        $v[$m[1]] = $m[2] + 0;
    }
}
foreach (['grab_workers', 'grab_jobs', 'grab_winners', 'grab_double_assignments', 'grab_errors', 'grab_counter_mismatches'] as $k) {
    if (!isset($v[$k])) {
        fwrite(STDERR, "race_row.php: no $k in the output\n");
        exit(1);
    }
}
$ok = $v['grab_winners'] === $v['grab_jobs'] && $v['grab_double_assignments'] === 0 && $v['grab_errors'] === 0
    && $v['grab_counter_mismatches'] === 0;
printf("race\tgrab storm: %d workers × %d jobs, each tries every job\t%d\t%d\t%s\twinners %d/%d, doubles %d, errors %d, counter mismatches %d, p99 %.1f ms\n",
    $v['grab_workers'], $v['grab_jobs'], $v['grab_workers'] * $v['grab_jobs'], 0, $ok ? 'ok' : 'FAIL',
    $v['grab_winners'], $v['grab_jobs'], $v['grab_double_assignments'], $v['grab_errors'], $v['grab_counter_mismatches'],
    $v['grab_p99_ms'] ?? 0);
