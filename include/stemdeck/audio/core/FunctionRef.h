#pragma once

#include <memory>
#include <type_traits>
#include <utility>

namespace stemdeck::audio {

template <typename Signature>
class FunctionRef;

// A non-owning reference to a callable (two pointers): an audio-thread function can take the
// caller's lambda without std::function's possible heap allocation and without becoming a
// template. The callable must outlive the call it is passed to, which a lambda written in the
// call's argument list does.
template <typename R, typename... Args>
class FunctionRef<R(Args...)> {
  public:
    // Implicit on purpose, like a function pointer.
    template <typename F,
              typename = std::enable_if_t<!std::is_same_v<std::remove_cvref_t<F>, FunctionRef> &&
                                          std::is_invocable_r_v<R, F&, Args...>>>
    FunctionRef(F&& f) noexcept
        : object_(const_cast<void*>(static_cast<const void*>(std::addressof(f)))),
          call_([](void* object, Args... args) -> R {
              return (*static_cast<std::remove_reference_t<F>*>(object))(
                  std::forward<Args>(args)...);
          }) {}

    R operator()(Args... args) const { return call_(object_, std::forward<Args>(args)...); }

  private:
    void* object_;
    R (*call_)(void*, Args...);
};

}  // namespace stemdeck::audio
