#pragma once

#include <QAbstractScrollArea>
#include <QMainWindow>
#include <QMenu>
#include <QRect>
#include <QScrollBar>
#include <QSplitterHandle>
#include <QString>
#include <QStringList>
#include <QWidget>

namespace stemdeck::test {

// What is wrong with how a window lays out its visible widgets, one line per problem (empty:
// nothing): two visible siblings that overlap, a widget smaller than its minimumSizeHint
// (its content is then cut), a widget reaching outside its parent. A scroll area's content may
// be larger than its viewport, as long as a scroll bar lets one reach the rest.
class LayoutCheck {
  public:
    static QStringList problems(QWidget* root) {
        QStringList found;
        walk(root, found);
        return found;
    }

    // "transportBar/timeLabel (QLabel)".
    static QString nameOf(const QWidget* w) {
        QStringList path;
        for (const QWidget* p = w; p && !p->isWindow(); p = p->parentWidget())
            path.prepend(p->objectName().isEmpty() ? QStringLiteral("?") : p->objectName());
        return QStringLiteral("%1 (%2)").arg(path.join(QLatin1Char('/')),
                                             QString::fromLatin1(w->metaObject()->className()));
    }

  private:
    static QString rect(const QRect& r) {
        return QStringLiteral("%1,%2 %3x%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
    }

    // Widgets whose size is the layout's business, not their content's.
    static bool sizedByOthers(const QWidget* w) {
        const QSizePolicy p = w->sizePolicy();
        return qobject_cast<const QSplitterHandle*>(w) || qobject_cast<const QScrollBar*>(w) ||
               (p.horizontalPolicy() == QSizePolicy::Ignored &&
                p.verticalPolicy() == QSizePolicy::Ignored);
    }

    // What a scroll area shows of its content: cut only where a scroll bar lets one reach it.
    static void checkScrolled(const QAbstractScrollArea* area, QStringList& found) {
        for (QObject* o : area->viewport()->children()) {
            auto* content = qobject_cast<QWidget*>(o);
            if (!content || !content->isVisible()) continue;
            const QSize view = area->viewport()->size();
            if (content->width() > view.width() && !area->horizontalScrollBar()->isVisible())
                found << QStringLiteral("%1 is cut on the right with no scroll bar")
                             .arg(nameOf(content));
            if (content->height() > view.height() && !area->verticalScrollBar()->isVisible())
                found << QStringLiteral("%1 is cut at the bottom with no scroll bar")
                             .arg(nameOf(content));
        }
    }

    static void walk(QWidget* parent, QStringList& found) {
        QList<QWidget*> kids;
        for (QObject* o : parent->children()) {
            auto* w = qobject_cast<QWidget*>(o);
            if (!w || w->isWindow() || !w->isVisible() || qobject_cast<QMenu*>(w)) continue;
            kids << w;
        }
        const auto* area = qobject_cast<const QAbstractScrollArea*>(parent);
        for (int i = 0; i < kids.size(); ++i) {
            QWidget* w = kids[i];
            const bool content = area && w == area->viewport();
            if (!sizedByOthers(w)) {
                const QSize min = w->minimumSizeHint().expandedTo(w->minimumSize());
                const QSize size = w->size();
                const bool policyIgnoresHint =
                    w->sizePolicy().horizontalPolicy() == QSizePolicy::Ignored;
                if (min.isValid() && ((!policyIgnoresHint && size.width() < min.width()) ||
                                      size.height() < min.height()))
                    found << QStringLiteral("%1 is %2x%3, below its minimum %4x%5")
                                 .arg(nameOf(w))
                                 .arg(size.width())
                                 .arg(size.height())
                                 .arg(min.width())
                                 .arg(min.height());
            }
            const bool scrolled =
                parent->parentWidget() &&
                qobject_cast<const QAbstractScrollArea*>(parent->parentWidget()) &&
                static_cast<const QAbstractScrollArea*>(parent->parentWidget())->viewport() ==
                    parent;
            if (!scrolled && !parent->rect().contains(w->geometry()) &&
                !qobject_cast<QMainWindow*>(parent))
                found << QStringLiteral("%1 at %2 reaches outside %3 (%4)")
                             .arg(nameOf(w), rect(w->geometry()), nameOf(parent),
                                  rect(parent->rect()));
            // A splitter's handle is a grab area that overlaps its neighbours on purpose.
            if (qobject_cast<QSplitterHandle*>(w)) continue;
            for (int j = i + 1; j < kids.size(); ++j)
                if (!qobject_cast<QSplitterHandle*>(kids[j]) &&
                    w->geometry().intersects(kids[j]->geometry()))
                    found << QStringLiteral("%1 at %2 overlaps %3 at %4")
                                 .arg(nameOf(w), rect(w->geometry()), nameOf(kids[j]),
                                      rect(kids[j]->geometry()));
            if (content) checkScrolled(area, found);
            walk(w, found);
        }
    }
};

}  // namespace stemdeck::test
