// SPDX-License-Identifier: MIT
#include "edit/weightbalancer.h"

#include <algorithm>
#include <climits>
#include <numeric>

namespace meshlane {

namespace {

bool isLocked(const std::vector<bool> &locked, size_t index)
{
    return index < locked.size() && locked[index];
}

} // namespace

std::vector<int> WeightBalancer::shareProportionally(int amount, const std::vector<int64_t> &basis)
{
    std::vector<int> shares(basis.size(), 0);
    if (basis.empty() || amount <= 0)
        return shares;
    std::vector<int64_t> parts(basis.size());
    std::transform(basis.begin(), basis.end(), parts.begin(), [](int64_t w) { return std::max<int64_t>(w, 0); });
    // Weights are user input: halve absurdly large ones until amount * total
    // cannot overflow (only the precision of nonsense values suffers).
    const int64_t limit = INT64_MAX / std::max(amount, 1);
    const auto sum = [&parts, limit] {
        int64_t total = 0;
        for (int64_t part : parts)
            total = part > limit - total ? limit : total + part;
        return total;
    };
    while (sum() >= limit)
        std::transform(parts.begin(), parts.end(), parts.begin(), [](int64_t w) { return w / 2; });
    int64_t total = sum();
    if (total == 0) {
        std::fill(parts.begin(), parts.end(), 1);
        total = int64_t(parts.size());
    }
    // Exact share = amount * part / total; kept as floor + remainder so no
    // floating point ever decides who gets the last point.
    std::vector<int64_t> remainders(parts.size());
    int64_t given = 0;
    for (size_t i = 0; i < parts.size(); ++i) {
        const int64_t product = int64_t(amount) * parts[i];
        shares[i] = int(product / total);
        remainders[i] = product % total;
        given += shares[i];
    }
    std::vector<size_t> order(parts.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&remainders](size_t a, size_t b) { return remainders[a] > remainders[b]; });
    for (size_t k = 0; given < amount; ++k, ++given)
        ++shares[order[k % order.size()]];
    return shares;
}

std::vector<int> WeightBalancer::normalized(const std::vector<int64_t> &weights)
{
    int64_t sum = 0;
    for (int64_t w : weights) {
        if (w < 0 || w > Total)
            return shareProportionally(Total, weights);
        sum += w;
    }
    if (sum == Total)
        return std::vector<int>(weights.begin(), weights.end());
    return shareProportionally(Total, weights);
}

std::vector<int> WeightBalancer::drag(const std::vector<int64_t> &weights, const std::vector<bool> &locked,
                                      size_t index, int value)
{
    std::vector<int> result = normalized(weights);
    if (index >= result.size())
        return result;
    int lockedSum = 0;
    std::vector<size_t> others;
    for (size_t i = 0; i < result.size(); ++i) {
        if (i == index)
            continue;
        if (isLocked(locked, i))
            lockedSum += result[i];
        else
            others.push_back(i);
    }
    const int available = Total - lockedSum;
    result[index] = others.empty() ? available : std::clamp(value, 0, available);
    std::vector<int64_t> basis;
    for (size_t i : others)
        basis.push_back(result[i]);
    const std::vector<int> shares = shareProportionally(available - result[index], basis);
    for (size_t k = 0; k < others.size(); ++k)
        result[others[k]] = shares[k];
    return result;
}

std::vector<int> WeightBalancer::distributeEvenly(const std::vector<int64_t> &weights,
                                                  const std::vector<bool> &locked)
{
    std::vector<int> result = normalized(weights);
    int lockedSum = 0;
    std::vector<size_t> unlocked;
    for (size_t i = 0; i < result.size(); ++i) {
        if (isLocked(locked, i))
            lockedSum += result[i];
        else
            unlocked.push_back(i);
    }
    if (unlocked.empty())
        return result;
    const int rest = Total - lockedSum;
    const int each = rest / int(unlocked.size());
    int remainder = rest % int(unlocked.size());
    for (size_t i : unlocked)
        result[i] = each + (remainder-- > 0 ? 1 : 0);
    return result;
}

Result<std::vector<int>> WeightBalancer::complete(const std::vector<int64_t> &weights,
                                                  const std::vector<std::optional<int>> &given)
{
    const auto fail = Result<std::vector<int>>::failure;
    const std::vector<int> current = normalized(weights);
    std::vector<int> result(current.size(), 0);
    int givenSum = 0;
    std::vector<size_t> others;
    std::vector<int64_t> basis;
    for (size_t i = 0; i < current.size(); ++i) {
        if (i < given.size() && given[i]) {
            if (*given[i] < 0 || *given[i] > Total)
                return fail("weight " + std::to_string(*given[i]) + " is outside 0..100");
            result[i] = *given[i];
            givenSum += *given[i];
        } else {
            others.push_back(i);
            basis.push_back(current[i]);
        }
    }
    if (givenSum > Total)
        return fail("the given weights sum to " + std::to_string(givenSum) + ", more than 100");
    if (others.empty() && givenSum != Total)
        return fail("the weights sum to " + std::to_string(givenSum) + "; they must sum to 100");
    const std::vector<int> shares = shareProportionally(Total - givenSum, basis);
    for (size_t k = 0; k < others.size(); ++k)
        result[others[k]] = shares[k];
    return result;
}

} // namespace meshlane
