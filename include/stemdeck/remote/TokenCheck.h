#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace stemdeck::remote {

// One access token of the web remote (docs/design/CONTROL.md §9). Only its SHA-256 digest is
// kept, and a token given by a client is compared digest to digest in constant time: the
// time of a refusal says nothing about how much of the token was right, nor its length.
// (QCryptographicHash: the control core has no SHA-256 of its own and no Qt.) Any thread;
// one object is not shared between threads.
class TokenCheck {
  public:
    TokenCheck() = default;
    // An empty token matches nothing (no read-only token: no read-only access).
    explicit TokenCheck(const QString& token);

    bool isSet() const { return !digest_.isEmpty(); }
    bool matches(QStringView given) const;

  private:
    QByteArray digest_;
};

// A fresh token: 128 bits from getrandom(2), base64url without padding (22 characters),
// safe in a URL's query and an Authorization header. Throws std::runtime_error when the
// system has no randomness to give (never on Linux ≥ 3.17).
QString generateToken();

}  // namespace stemdeck::remote
