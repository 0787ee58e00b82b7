#include "stemdeck/app/EnglishPlurals.h"

namespace stemdeck::app {

QString EnglishPlurals::translate(const char*, const char* sourceText, const char*, int n) const {
    if (n < 0 || !sourceText) return {};  // not counted: the source text as it is
    const QString source = QString::fromUtf8(sourceText);
    if (!source.contains(QLatin1String("(s)"))) return {};
    QString text = source;
    text.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
    return text;
}

}  // namespace stemdeck::app
