#pragma once

// For the GUI tests: a widget's part by its object name (as the Designer forms and the code
// name them). Header-only, so the engine's test-support library stays free of Qt.
#include <gtest/gtest.h>

#include <QObject>
#include <QString>

namespace stemdeck::test {

// The child of `parent` of type T named `name`; fails the test (and returns nullptr) when
// there is none. GUI thread.
template <typename T>
T* part(const QObject& parent, const char* name) {
    T* child = parent.findChild<T*>(QString::fromLatin1(name));
    EXPECT_NE(child, nullptr) << name;
    return child;
}

template <typename T>
T* part(const QObject* parent, const char* name) {
    return part<T>(*parent, name);
}

}  // namespace stemdeck::test
