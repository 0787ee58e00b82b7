#include "stemdeck/remote/TokenCheck.h"

#include <sys/random.h>

#include <QCryptographicHash>
#include <cerrno>
#include <stdexcept>

namespace stemdeck::remote {
namespace {

QByteArray sha256(QStringView text) {
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

}  // namespace

TokenCheck::TokenCheck(const QString& token) {
    if (!token.isEmpty()) digest_ = sha256(token);
}

bool TokenCheck::matches(QStringView given) const {
    if (digest_.isEmpty()) return false;
    const QByteArray other = sha256(given);
    // Every byte is looked at whatever the first difference: no early exit.
    unsigned char difference = 0;
    for (qsizetype i = 0; i < digest_.size(); ++i)
        difference |= static_cast<unsigned char>(digest_[i] ^ other[i]);
    return difference == 0;
}

QString generateToken() {
    unsigned char bytes[16];
    std::size_t filled = 0;
    while (filled < sizeof bytes) {
        const ssize_t got = ::getrandom(bytes + filled, sizeof bytes - filled, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            throw std::runtime_error("no random bytes for a token (getrandom failed)");
        }
        filled += static_cast<std::size_t>(got);
    }
    const QByteArray raw(reinterpret_cast<const char*>(bytes), sizeof bytes);
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

}  // namespace stemdeck::remote
