#include "stemdeck/audio/loader/DecodePool.h"

#include <new>

#include "stemdeck/audio/loader/StemDecoder.h"

namespace stemdeck::audio::loader {

StemFailure runGuarded(const std::function<void()>& work, bool& failed) noexcept {
    StemFailure failure;
    failed = true;
    try {
        work();
        failed = false;
    } catch (const Cancelled&) {
        failure.cancelled = true;
    } catch (const std::bad_alloc&) {
        failure.outOfMemory = true;
    } catch (const std::exception& e) {
        failure.overBudget = dynamic_cast<const BudgetExceeded*>(&e) != nullptr;
        try {
            failure.reason = e.what();
        } catch (...) {  // no memory left for the message: report it without one
        }
    } catch (...) {
    }
    return failure;
}

unsigned resampleThreadsPerStem(unsigned workers, std::size_t stems) {
    if (stems == 0 || workers <= stems) return 1;
    return static_cast<unsigned>(workers / stems);
}

std::string failureMessage(const StemFailure& failure, const std::string& name,
                           const std::string& outcome) {
    if (failure.outOfMemory) return name + ": not enough memory to decode it; " + outcome;
    if (failure.overBudget) return name + ": " + failure.reason + "; " + outcome;
    return name + ": cannot decode: " +
           (failure.reason.empty() ? std::string("unknown error") : failure.reason) + "; " +
           outcome;
}

}  // namespace stemdeck::audio::loader
