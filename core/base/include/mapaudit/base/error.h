#pragma once

#include <stdexcept>
#include <string>

namespace mapaudit {

// An error caused by the user's input (a file, an argument). Its message is one
// line meant for an inspector: which file/field, what is wrong, what to do.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Raised from long work when the user pressed Cancel.
class Canceled : public std::runtime_error {
public:
    Canceled() : std::runtime_error("canceled by the user") {}
};

} // namespace mapaudit
