/* CloudAcct\Crypto\Signer and SignatureException: the PHP surface of crypto.h. */
#ifndef CLOUDACCT_SIGNER_H
#define CLOUDACCT_SIGNER_H

#include "php.h"

extern zend_class_entry *cloudacct_ce_SignatureException;

void cloudacct_crypto_minit(void);

#endif
