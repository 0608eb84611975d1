// SPDX-License-Identifier: MIT
#pragma once

// Helpers for the GUI editing tests: driving a real QSlider with the mouse,
// copying a sample to a scratch folder, and reaching the weight editor.

#include "document/document.h"
#include "editing/destinationrow.h"
#include "editing/routeeditor.h"
#include "editing/weighteditor.h"
#include "shell/editingdocks.h"
#include "shell/mainwindow.h"
#include "support/guitestsupport.h"
#include "yaml/yamlpane.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QDockWidget>
#include <QMouseEvent>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTest>

#include <initializer_list>

namespace meshlane::test {

// Where the handle's centre is when the slider shows `value`.
inline QPoint sliderHandleCentre(const QSlider &slider, int value)
{
    QStyleOptionSlider option;
    option.initFrom(&slider);
    option.orientation = slider.orientation();
    option.minimum = slider.minimum();
    option.maximum = slider.maximum();
    option.sliderPosition = value;
    option.sliderValue = value;
    option.singleStep = slider.singleStep();
    option.pageStep = slider.pageStep();
    option.upsideDown = slider.invertedAppearance();
    option.subControls = QStyle::SC_All;
    return slider.style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, &slider).center();
}

// Presses the handle, moves through `values` (one mouse move each, as a hand
// would) and releases: the slider sees a real drag.
inline void dragSlider(QSlider *slider, std::initializer_list<int> values)
{
    QPoint at = sliderHandleCentre(*slider, slider->value());
    QTest::mousePress(slider, Qt::LeftButton, {}, at);
    for (const int value : values) {
        at = sliderHandleCentre(*slider, value);
        QMouseEvent move(QEvent::MouseMove, QPointF(at), QPointF(slider->mapToGlobal(at)), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(slider, &move);
    }
    QTest::mouseRelease(slider, Qt::LeftButton, {}, at);
}

// Slider drags are computed off the GUI thread: true once the last step is in.
inline bool settled(const ui::MainWindow &window, int timeoutMs = 10'000)
{
    return QTest::qWaitFor([&window] { return !window.document()->isEditPending(); }, timeoutMs);
}

inline bool copyFolder(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + u'/' + QDir(from).relativeFilePath(source);
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(source, target))
            return false;
        QFile(target).setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    return true;
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline ui::WeightEditor *weightEditor(const ui::MainWindow &window)
{
    return window.editingDocks()->weightEditor();
}

inline ui::YamlPane *yamlPane(const ui::MainWindow &window)
{
    return window.editingDocks()->yamlPane();
}

inline ui::RouteEditor *routeEditor(const ui::MainWindow &window, size_t index)
{
    const auto &editors = weightEditor(window)->routeEditors();
    return index < editors.size() ? editors[index] : nullptr;
}

// The weight editor and YAML docks only, for goldens of the editor: the
// graph and the simulation docks have their own goldens and change for
// their own reasons.
inline QImage editingDocksGrab(ui::MainWindow &window)
{
    const QImage shot = settledGrab(window);
    const ui::EditingDocks &docks = *window.editingDocks();
    return shot.copy(docks.weightDock()->geometry().united(docks.yamlDock()->geometry()));
}

inline std::vector<int> shownWeights(const ui::RouteEditor &editor)
{
    std::vector<int> weights;
    for (const ui::DestinationRow *row : editor.rows())
        weights.push_back(row->weight());
    return weights;
}

} // namespace meshlane::test
