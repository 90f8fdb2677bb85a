dnl config.m4 for the cloudacct extension (云会计 business core)

PHP_ARG_ENABLE([cloudacct], [whether to enable cloudacct],
  [AS_HELP_STRING([--enable-cloudacct], [Enable the cloudacct extension])], [no])

PHP_ARG_WITH([cloudacct-mysql], [for the MySQL/MariaDB client library],
  [AS_HELP_STRING([[--with-cloudacct-mysql[=CONFIG]]],
    [cloudacct: path to mariadb_config or mysql_config (default: pkg-config libmariadb, then mysqlclient)])],
  [yes], [no])

if test "$PHP_CLOUDACCT" != "no"; then
  dnl --- MySQL / MariaDB client library ---
  if test "$PHP_CLOUDACCT_MYSQL" = "yes" || test "$PHP_CLOUDACCT_MYSQL" = "no"; then
    PKG_CHECK_MODULES([MYSQLCLIENT], [libmariadb >= 3.0], [],
      [PKG_CHECK_MODULES([MYSQLCLIENT], [mysqlclient >= 5.7], [],
        [AC_MSG_ERROR([cloudacct needs libmariadb or libmysqlclient. On Debian: apt-get install libmariadb-dev (or pass --with-cloudacct-mysql=/path/to/mariadb_config)])])])
  else
    if test ! -x "$PHP_CLOUDACCT_MYSQL"; then
      AC_MSG_ERROR([cloudacct: $PHP_CLOUDACCT_MYSQL is not an executable mariadb_config/mysql_config])
    fi
    MYSQLCLIENT_CFLAGS=`$PHP_CLOUDACCT_MYSQL --cflags`
    MYSQLCLIENT_LIBS=`$PHP_CLOUDACCT_MYSQL --libs`
  fi
  PHP_EVAL_INCLINE([$MYSQLCLIENT_CFLAGS])
  PHP_EVAL_LIBLINE([$MYSQLCLIENT_LIBS], [CLOUDACCT_SHARED_LIBADD])

  dnl --- libcurl ---
  PKG_CHECK_MODULES([CURL], [libcurl >= 7.61.0], [],
    [AC_MSG_ERROR([cloudacct needs libcurl >= 7.61. On Debian: apt-get install libcurl4-openssl-dev])])
  PHP_EVAL_INCLINE([$CURL_CFLAGS])
  PHP_EVAL_LIBLINE([$CURL_LIBS], [CLOUDACCT_SHARED_LIBADD])

  dnl --- OpenSSL ---
  PHP_SETUP_OPENSSL([CLOUDACCT_SHARED_LIBADD], [],
    [AC_MSG_ERROR([cloudacct needs OpenSSL >= 1.1. On Debian: apt-get install libssl-dev])])

  dnl Sources are listed explicitly: package.xml and config.w32 list the same files.
  CLOUDACCT_SOURCES="cloudacct.c \
    src/common/errors.c \
    src/common/filter.c \
    src/core/money.c \
    src/core/text.c \
    src/core/fsm.c \
    src/core/job_fsm.c \
    src/core/order_fsm.c \
    src/core/calendar.c \
    src/core/ledger.c \
    src/core/csv.c \
    src/core/template.c \
    src/core/credit_code.c \
    src/core/book.c \
    src/core/home_layout.c \
    src/db/link.c \
    src/db/pool.c \
    src/db/stmt.c \
    src/db/trace.c \
    src/db/connection.c \
    src/db/schema.c \
    src/db/migrations.c \
    src/context/context.c \
    src/context/area.c \
    src/audit/audit.c \
    src/people/lookup.c \
    src/people/common.c \
    src/people/people.c \
    src/people/stores.c \
    src/people/staff.c \
    src/people/clients.c \
    src/people/contacts.c \
    src/settings/settings.c \
    src/settings/keys.c \
    src/settings/home_layout.c \
    src/notices/outbox.c \
    src/work/work.c \
    src/work/common.c \
    src/work/calendar.c \
    src/work/catalog.c \
    src/crypto/crypto.c \
    src/crypto/signer.c \
    src/http/client.c \
    src/http/http_client.c \
    src/notices/buf.c \
    src/notices/wechat.c \
    src/notices/sms.c \
    src/work/orders.c \
    src/work/jobs.c \
    src/work/dispatch.c \
    src/work/progress.c \
    src/work/stats.c \
    src/money/money.c \
    src/money/common.c \
    src/money/ledger.c \
    src/money/hooks.c \
    src/money/plans.c \
    src/money/billing.c \
    src/money/accounts.c \
    src/money/payments.c \
    src/money/dunning.c \
    src/money/reports.c \
    src/money/wxpay.c \
    src/money/wxpay_client.c \
    src/money/wxpay_proto.c \
    src/books/books.c \
    src/work/recurring.c \
    src/work/scheduler.c \
    src/notices/notices.c \
    src/notices/sender.c \
    src/notices/deliver.c \
    src/core/complaint_fsm.c \
    src/quality/quality.c \
    src/quality/ratings.c \
    src/quality/complaints.c \
    src/quality/performance.c"

  PHP_NEW_EXTENSION([cloudacct], [$CLOUDACCT_SOURCES], [$ext_shared],, [-DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 -Wall])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/common])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/core])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/db])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/context])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/audit])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/people])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/settings])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/notices])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/work])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/crypto])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/http])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/money])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/quality])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/books])
  PHP_ADD_EXTENSION_DEP([cloudacct], [json])
  PHP_ADD_EXTENSION_DEP([cloudacct], [spl])
  PHP_SUBST([CLOUDACCT_SHARED_LIBADD])
fi
