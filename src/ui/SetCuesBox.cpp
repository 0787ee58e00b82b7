#include "stemdeck/ui/SetCuesBox.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSpinBox>
#include <cmath>

#include "stemdeck/app/SongGuideCues.h"
#include "stemdeck/app/set/SetSession.h"

namespace stemdeck::ui {

SetCuesBox::SetCuesBox(app::set::SetSession& session, app::SongGuideCues& cues, QWidget* parent)
    : QWidget(parent),
      session_(session),
      cues_(cues),
      check_(new QCheckBox(tr("Spoken cues"), this)),
      level_(new QSpinBox(this)) {
    setObjectName(QStringLiteral("setCuesBox"));
    check_->setObjectName(QStringLiteral("setCuesCheck"));
    check_->setToolTip(tr("Say each marker's name one bar before it, on the click's outputs"));
    level_->setObjectName(QStringLiteral("setCuesLevel"));
    level_->setRange(static_cast<int>(app::set::kMinGuideCueLevelDb), 0);
    level_->setSuffix(tr(" dB"));
    level_->setToolTip(tr("Level of the spoken cues"));
    level_->setAccessibleName(level_->toolTip());
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(check_);
    layout->addWidget(level_);
    layout->addStretch(1);

    const auto edit = [this] {
        session_.setGuideCues(check_->isChecked(), static_cast<double>(level_->value()));
    };
    connect(check_, &QCheckBox::toggled, this, edit);
    connect(level_, &QSpinBox::valueChanged, this, edit);
    connect(&session_, &app::set::SetSession::reset, this, &SetCuesBox::showSet);
    connect(&session_, &app::set::SetSession::changed, this, &SetCuesBox::showSet);
    showSet();
}

void SetCuesBox::showSet() {
    const app::set::SetList& set = session_.set();
    {
        const QSignalBlocker blockCheck(check_);
        const QSignalBlocker blockLevel(level_);
        check_->setChecked(set.guideCues);
        level_->setValue(static_cast<int>(std::lround(set.guideCueLevelDb)));
        level_->setEnabled(set.guideCues);
    }
    cues_.setLevelDb(set.guideCueLevelDb);
    cues_.setEnabled(set.guideCues);
}

}  // namespace stemdeck::ui
