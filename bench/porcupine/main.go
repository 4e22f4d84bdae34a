// Checks the linearizability of a vcert history (NDJSON, docs/history-format.md) with Porcupine,
// using a model equivalent to src/model/voucher-model.ts, for the side-by-side benchmark in
// bench/checkers.bench.ts. Usage: go run . HISTORY.ndjson [TIMEOUT_SECONDS]
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"time"

	"github.com/anishathalye/porcupine"
)

type money struct {
	Amount *int64 `json:"amount"`
}

type line struct {
	Kind       string           `json:"kind"`
	Policy     string           `json:"policy"`
	Funds      map[string]int64 `json:"funds"`
	Client     string           `json:"client"`
	Op         string           `json:"op"`
	Voucher    string           `json:"voucher"`
	Target     *string          `json:"target"`
	Args       json.RawMessage  `json:"args"`
	Key        *string          `json:"key"`
	InvokedAt  int64            `json:"invokedAt"`
	Completed  int64            `json:"completedAt"`
	Completion string           `json:"completion"`
	Result     json.RawMessage  `json:"result"`
	args       args
	result     result
}

type args struct {
	Amount     *money `json:"amount"`
	TTLSeconds *int64 `json:"ttlSeconds"`
}

type result struct {
	ID           *string `json:"id"`
	Code         *string `json:"code"`
	Amount       *money  `json:"amount"`
	Balance      *money  `json:"balance"`
	BalanceAfter *money  `json:"balanceAfter"`
}

const none = int64(-1)

type input struct {
	Op, Voucher, Target string
	Amount, Funds       int64
	Invoked, Completed  int64
	TTL                 int64
	Index               int
	KnownHold           bool
}

type output struct {
	Completion, Code, ID          string
	Amount, Balance, BalanceAfter int64
}

func amountOf(m *money) int64 {
	if m == nil || m.Amount == nil {
		return none
	}
	return *m.Amount
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: porcupine-bench HISTORY.ndjson [TIMEOUT_SECONDS] [RUNS]")
		os.Exit(2)
	}
	timeout := 60 * time.Second
	if len(os.Args) > 2 {
		seconds, _ := strconv.Atoi(os.Args[2])
		timeout = time.Duration(seconds) * time.Second
	}
	runs := 1
	if len(os.Args) > 3 {
		runs, _ = strconv.Atoi(os.Args[3])
	}
	start := time.Now()
	file, err := os.Open(os.Args[1])
	if err != nil {
		panic(err)
	}
	scanner := bufio.NewScanner(file)
	scanner.Buffer(make([]byte, 1<<20), 1<<26)
	policy := ""
	funds := map[string]int64{}
	var lines []line
	for scanner.Scan() {
		var l line
		if err := json.Unmarshal(scanner.Bytes(), &l); err != nil {
			panic(err)
		}
		if l.Kind == "meta" {
			policy, funds = l.Policy, l.Funds
			continue
		}
		_ = json.Unmarshal(l.Args, &l.args)
		_ = json.Unmarshal(l.Result, &l.result)
		lines = append(lines, l)
	}
	parse := time.Since(start)
	// merge: from parsed lines to Porcupine's operations (the work vcert's checker does from its history).
	// Merge and check run `runs` times (unless the check gives up) and the medians are printed.
	var merges, checks []time.Duration
	var ops []porcupine.Operation
	res := porcupine.Unknown
	for run := 0; run < runs && (run == 0 || res != porcupine.Unknown); run++ {
		start = time.Now()
		known := map[string]bool{}
		for i := range lines {
			l := &lines[i]
			if l.Op == "createHold" && l.Completion == "ok" && l.result.ID != nil {
				known[*l.result.ID] = true
			}
		}
		ops = merge(lines, funds, known)
		merges = append(merges, time.Since(start))
		start = time.Now()
		res = porcupine.CheckOperationsTimeout(model(policy), ops, timeout)
		checks = append(checks, time.Since(start))
	}
	fmt.Printf("ops=%d logical=%d runs=%d parse=%.2fs merge=%.2fs check=%.2fs result=%s\n", len(lines), len(ops), len(checks), parse.Seconds(), median(merges).Seconds(), median(checks).Seconds(), name(res))
}

func median(values []time.Duration) time.Duration {
	sorted := append([]time.Duration(nil), values...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	return sorted[len(sorted)/2]
}

func name(r porcupine.CheckResult) string {
	switch r {
	case porcupine.Ok:
		return "Ok"
	case porcupine.Illegal:
		return "Illegal"
	}
	return "Unknown"
}

// merge turns retries that share a key and a request into one operation, as src/checkers/logical-ops.ts does.
// Keys are looked up first; the request is compared only for a key used more than once.
func merge(lines []line, funds map[string]int64, known map[string]bool) []porcupine.Operation {
	firstByKey := make(map[string]int, len(lines))
	repeats := map[string][]int{}
	for i := range lines {
		k := lines[i].Key
		if k == nil {
			continue
		}
		j, seen := firstByKey[*k]
		if !seen {
			firstByKey[*k] = i
			continue
		}
		if repeats[*k] == nil {
			repeats[*k] = []int{j}
		}
		repeats[*k] = append(repeats[*k], i)
	}
	leaderOf := make([]int, len(lines))
	for i := range leaderOf {
		leaderOf[i] = i
	}
	members := map[int][]int{}
	for _, list := range repeats {
		bySignature := map[string]int{}
		for _, i := range list {
			sig := signature(&lines[i])
			if j, ok := bySignature[sig]; ok {
				leaderOf[i] = j
				members[j] = append(members[j], i)
			} else {
				bySignature[sig] = i
				members[i] = []int{i}
			}
		}
	}
	ops := make([]porcupine.Operation, 0, len(lines))
	for i := range lines {
		if leaderOf[i] != i {
			continue
		}
		best, first := i, lines[i].InvokedAt
		for _, m := range members[i] {
			a, b := &lines[m], &lines[best]
			if rank(a.Completion) < rank(b.Completion) || (rank(a.Completion) == rank(b.Completion) && a.Completed < b.Completed) {
				best = m
			}
			if a.InvokedAt < first {
				first = a.InvokedAt
			}
		}
		ops = append(ops, operation(&lines[best], best, first, funds, known))
	}
	sort.SliceStable(ops, func(i, j int) bool { return ops[i].Call < ops[j].Call })
	return ops
}

func signature(l *line) string {
	target := ""
	if l.Target != nil {
		target = *l.Target
	}
	return *l.Key + "|" + l.Op + "|" + l.Voucher + "|" + target + "|" + string(l.Args)
}

func rank(completion string) int {
	switch completion {
	case "ok":
		return 0
	case "fail":
		return 1
	}
	return 2
}

// operation is the model's view of one line (the request's representative), called at `first`.
func operation(l *line, index int, first int64, funds map[string]int64, known map[string]bool) porcupine.Operation {
	a, r := &l.args, &l.result
	in := input{Op: l.Op, Voucher: l.Voucher, Amount: amountOf(a.Amount), Funds: funds[l.Voucher], Invoked: first, Completed: l.Completed, TTL: math.MaxInt64 / 4, Index: index}
	if l.Target != nil {
		in.Target = *l.Target
		in.KnownHold = known[in.Target]
	}
	if a.TTLSeconds != nil {
		in.TTL = *a.TTLSeconds * 1_000_000
	}
	out := output{Completion: l.Completion, Amount: none, Balance: none, BalanceAfter: none}
	ret := l.Completed
	if l.Completion == "info" {
		ret = math.MaxInt64
		in.Completed = math.MaxInt64
	} else if l.Completion == "fail" && r.Code != nil {
		out.Code = *r.Code
	} else {
		if r.ID != nil {
			out.ID = *r.ID
		}
		if l.Op != "getBalance" && l.Op != "getLedger" {
			out.Amount = amountOf(r.Amount)
		}
		if l.Op == "getBalance" || l.Op == "getLedger" || l.Op == "topUp" {
			out.Balance = amountOf(r.Balance)
		}
		out.BalanceAfter = amountOf(r.BalanceAfter)
	}
	return porcupine.Operation{Input: in, Call: first, Output: out, Return: ret}
}
