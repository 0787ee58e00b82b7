#pragma once

#include <QTranslator>

namespace stemdeck::app {

// English singular and plural for texts counted with %n ("%n stem(s)", "Count-in %n bar(s)")
// without a translation file: "(s)" becomes "s", or nothing when n is 1 ("1 stem", "2 stems").
// Install it first (QCoreApplication::installTranslator): a real translation installed later
// is asked before it. GUI thread, like every translator.
class EnglishPlurals : public QTranslator {
    Q_OBJECT
  public:
    using QTranslator::QTranslator;
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* sourceText, const char* disambiguation,
                      int n) const override;
};

}  // namespace stemdeck::app
