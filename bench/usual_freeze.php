<?php
/* Prepended (auto_prepend_file) to bench/work_ops.php when bench/run compares the extension's rows
 * with bench/usual.php's: freezes the extension's clock at USUAL_NOW, the instant usual.php uses
 * as TIMESTAMP, so both write the same timestamps. Needs -d cloudacct.clock_settable=1. */
if (getenv('USUAL_NOW')) {
    CloudAcct\Clock::freeze((int) getenv('USUAL_NOW'));
}
