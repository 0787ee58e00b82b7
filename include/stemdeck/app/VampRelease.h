#pragma once

namespace stemdeck::app {

// How a vamp (SectionVamp) ends when it is released: the current pass plays out and carries
// on into the next section, or the play jumps there seamlessly at the next bar line.
enum class VampRelease { EndOfPass, NextBar };

}  // namespace stemdeck::app
