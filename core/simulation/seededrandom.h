// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

namespace meshlane {

// xoshiro256** seeded through splitmix64 (both by Blackman and Vigna, public
// domain algorithms). Written out here instead of std::mt19937 plus
// std::uniform_*_distribution because the distributions are
// implementation-defined: the same seed must give the same simulation on every
// compiler and machine. Picks use integer arithmetic only, as Envoy does.
class SeededRandom
{
public:
    explicit SeededRandom(uint64_t seed = 0) { reseed(seed); }

    void reseed(uint64_t seed)
    {
        uint64_t mixer = seed;
        for (uint64_t &word : m_state)
            word = splitMix64(mixer);
    }

    uint64_t next()
    {
        const uint64_t result = rotateLeft(m_state[1] * 5, 7) * 9;
        const uint64_t shifted = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= shifted;
        m_state[3] = rotateLeft(m_state[3], 45);
        return result;
    }

    // A value in [0, bound): `random % bound`, Envoy's own way of picking a
    // weighted cluster. The modulo bias is below 2^-40 for the bounds we use.
    uint64_t below(uint64_t bound) { return bound == 0 ? 0 : next() % bound; }

    // True with probability numerator / 1,000,000: Envoy's FractionalPercent
    // check (`random % denominator < numerator`) with the MILLION denominator
    // Istio uses for fault and mirror percentages.
    bool perMillion(uint32_t numerator) { return numerator > 0 && next() % 1000000u < numerator; }

    // Splitmix64 step: advances `state` and returns the next output.
    static uint64_t splitMix64(uint64_t &state)
    {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

private:
    static uint64_t rotateLeft(uint64_t value, int bits) { return (value << bits) | (value >> (64 - bits)); }

    uint64_t m_state[4] = {};
};

} // namespace meshlane
