#pragma once

#include "core/scenario/scenario.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace carteiro::app {

// Breaks things live: the instructor picks a fault and injects it at the current moment of
// the run; the window replays the scenario with it (runs are deterministic, so everything
// before now stays as it was).
class FaultPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FaultPanel(QWidget *parent = nullptr);

    void setScenario(const core::Scenario &scenario);
    // The faults injected so far, listed for the instructor.
    void setInjected(const QStringList &descriptions);

    // The form, for tests and for the window's own shortcuts.
    void choose(const QString &kind);
    void setHost(const QString &host);
    void setStage(const QString &stage);
    void setCode(int code);
    void setUser(const QString &user);
    void setDomain(const QString &domain);
    core::FaultSpec currentFault() const;
    // What a fault does, in the language in force (the trace keeps FaultTable::describe()).
    static QString describe(const core::FaultSpec &fault);

public slots:
    void inject();

signals:
    void injectRequested(const core::FaultSpec &fault);
    void backUpRequested(const QString &host);
    void saveRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateFields();

    QFormLayout *m_form = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_host = nullptr;
    QComboBox *m_stage = nullptr;
    QSpinBox *m_code = nullptr;
    QLineEdit *m_text = nullptr;
    QComboBox *m_user = nullptr;
    QComboBox *m_domain = nullptr;
    QSpinBox *m_latency = nullptr;
    QComboBox *m_lasts = nullptr;
    QListWidget *m_injected = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_injectButton = nullptr;
    QLabel *m_injectedLabel = nullptr;
};

} // namespace carteiro::app
