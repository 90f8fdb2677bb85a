--TEST--
CloudAcct\Money: exact parse of yuan strings to fen, format, and refusal of floats and junk
--EXTENSIONS--
cloudacct
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
use CloudAcct\Money;
foreach (['12.34', '12.3', '12', '0.05', '0', '007', '92233720368547758.07'] as $s) {
    echo $s, ' => ', Money::parse($s), "\n";
}
echo Money::parse('-12.30', true), ' ', Money::parse(15), ' ', Money::parse(-2, true), "\n";
foreach (['', ' 12', '12.', '.5', '12.345', '1e3', '0x10', '1,234.56', '１２', 'NaN', "12\0", '+1',
          '92233720368547758.08', '-1'] as $bad) {
    try {
        Money::parse($bad);
        echo "accepted ", json_encode($bad), "\n";
    } catch (CloudAcct\ValidationException $e) {
        echo json_encode($bad), ': ', $e->getMessage(), ' [', $e->getField(), "]\n";
    }
}
ca_expect_throw(fn() => Money::parse(12.34));
ca_expect_throw(fn() => Money::parse(true));
ca_expect_throw(fn() => Money::parse(null));
ca_expect_throw(fn() => Money::parse(-5));
ca_expect_throw(fn() => Money::parse(PHP_INT_MAX));
foreach ([1234, 5, -5, 0, 100, -100001, PHP_INT_MAX, PHP_INT_MIN] as $fen) {
    echo $fen, ' => ', Money::format($fen), "\n";
}
?>
--EXPECT--
12.34 => 1234
12.3 => 1230
12 => 1200
0.05 => 5
0 => 0
007 => 700
92233720368547758.07 => 9223372036854775807
-1230 1500 -200
"": 请填写金额，如 12.34 [amount]
" 12": 金额格式不对，请只填数字和小数点，如 12.34 [amount]
"12.": 金额格式不对，请只填数字和小数点，如 12.34 [amount]
".5": 金额格式不对，请只填数字和小数点，如 12.34 [amount]
"12.345": 金额最多两位小数，如 12.34 [amount]
"1e3": 金额格式不对，请只填数字和小数点，如 12.34 [amount]
"0x10": 金额格式不对，请只填数字和小数点，如 12.34 [amount]
"1,234.56": 金额格式不对，请只填数字和小数点，如 12.34 [amount]
"\uff11\uff12": 金额格式不对，请只填数字和小数点，如 12.34 [amount]
"NaN": 金额格式不对，请只填数字和小数点，如 12.34 [amount]
"12\u0000": 金额格式不对，请只填数字和小数点，如 12.34 [amount]
"+1": 金额格式不对，请只填数字和小数点，如 12.34 [amount]
"92233720368547758.08": 金额过大，请核对后重新填写 [amount]
"-1": 金额不能为负数，请填写 0 或正数 [amount]
TypeError: CloudAcct\Money::parse(): Argument #1 ($yuan) must be a string like "12.34" or an int, float given (floats cannot hold fen exactly)
TypeError: CloudAcct\Money::parse(): Argument #1 ($yuan) must be of type string|int, bool given
TypeError: CloudAcct\Money::parse(): Argument #1 ($yuan) must be of type string|int, null given
CloudAcct\ValidationException: 金额不能为负数，请填写 0 或正数
CloudAcct\ValidationException: 金额过大，请核对后重新填写
1234 => 12.34
5 => 0.05
-5 => -0.05
0 => 0.00
100 => 1.00
-100001 => -1000.01
9223372036854775807 => 92233720368547758.07
-9223372036854775808 => -92233720368547758.08
