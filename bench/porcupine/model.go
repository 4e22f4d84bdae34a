package main

import (
	"hash/fnv"
	"sort"

	"github.com/anishathalye/porcupine"
)

type hold struct {
	ID     string
	Amount int64
	Expiry int64
}

// state of one voucher; Started is false until the first step sets the funds (Init has no partition).
type state struct {
	Started bool
	Balance int64
	Holds   []hold
}

func differs(seen, expected int64) bool { return seen != none && seen != expected }

func model(policy string) porcupine.Model {
	return porcupine.Model{
		Partition: func(history []porcupine.Operation) [][]porcupine.Operation {
			byVoucher := map[string][]porcupine.Operation{}
			var order []string
			for _, op := range history {
				v := op.Input.(input).Voucher
				if _, ok := byVoucher[v]; !ok {
					order = append(order, v)
				}
				byVoucher[v] = append(byVoucher[v], op)
			}
			parts := make([][]porcupine.Operation, 0, len(order))
			for _, v := range order {
				parts = append(parts, byVoucher[v])
			}
			return parts
		},
		Init: func() interface{} { return state{} },
		Step: func(s, in, out interface{}) (bool, interface{}) {
			st := s.(state)
			i := in.(input)
			if !st.Started {
				st = state{Started: true, Balance: i.Funds}
			}
			return step(policy, st, i, out.(output))
		},
		Equal: func(a, b interface{}) bool {
			x, y := a.(state), b.(state)
			if x.Started != y.Started || x.Balance != y.Balance || len(x.Holds) != len(y.Holds) {
				return false
			}
			for k := range x.Holds {
				if x.Holds[k].ID != y.Holds[k].ID {
					return false
				}
			}
			return true
		},
		Hash: func(s interface{}) uint64 {
			x := s.(state)
			h := fnv.New64a()
			h.Write([]byte{byte(x.Balance), byte(x.Balance >> 8), byte(x.Balance >> 16), byte(len(x.Holds))})
			for _, hd := range x.Holds {
				h.Write([]byte(hd.ID))
			}
			return h.Sum64()
		},
	}
}

func find(s state, id string) int {
	for k, h := range s.Holds {
		if h.ID == id {
			return k
		}
	}
	return -1
}

func without(holds []hold, k int) []hold {
	out := make([]hold, 0, len(holds))
	out = append(out, holds[:k]...)
	return append(out, holds[k+1:]...)
}

func held(holds []hold) int64 {
	var sum int64
	for _, h := range holds {
		sum += h.Amount
	}
	return sum
}

func stillOpen(holds []hold, at int64) []hold {
	var out []hold
	for _, h := range holds {
		if at < h.Expiry {
			out = append(out, h)
		}
	}
	return out
}

func oneAtATime(policy string) bool { return policy == "exclusive-hold" || policy == "redeem-entire" }

// admit mirrors src/model/spend-rules.ts admitSpend; ok false means the spend must be refused.
func admit(policy string, s state, amount, at int64, isHold bool) ([]hold, bool) {
	if policy == "balance-guard" {
		return s.Holds, isHold || amount <= s.Balance
	}
	if amount > s.Balance {
		return nil, false
	}
	if oneAtATime(policy) {
		if len(s.Holds) == 0 {
			return s.Holds, true
		}
		open := stillOpen(s.Holds, at)
		return open, len(open) == 0
	}
	if held(s.Holds)+amount <= s.Balance {
		return s.Holds, true
	}
	open := stillOpen(s.Holds, at)
	return open, held(open)+amount <= s.Balance
}

func refusesForBalance(policy string, s state, amount int64) bool {
	if policy == "amount-holds" {
		return held(s.Holds)+amount > s.Balance
	}
	return amount > s.Balance
}

func spend(policy string, s state, i input, o output, holds []hold) (bool, interface{}) {
	amount := o.Amount
	if amount == none {
		amount = i.Amount
	}
	if amount == none {
		amount = 0
	}
	if amount > s.Balance {
		return false, s
	}
	next := state{Started: true, Balance: s.Balance - amount, Holds: holds}
	if policy == "redeem-entire" {
		next.Balance = 0
	}
	return !differs(o.BalanceAfter, next.Balance), next
}

func step(policy string, s state, i input, o output) (bool, interface{}) {
	if o.Completion == "info" {
		ok, next := step(policy, s, i, output{Completion: "ok", Amount: none, Balance: none, BalanceAfter: none})
		if ok {
			return true, next
		}
		return true, s
	}
	fail := o.Completion == "fail"
	switch i.Op {
	case "getBalance", "getLedger":
		return fail || !differs(o.Balance, s.Balance), s
	case "topUp", "refundRedemption":
		if fail {
			return true, s
		}
		amount := i.Amount
		if i.Op == "refundRedemption" && o.Amount != none {
			amount = o.Amount
		}
		next := state{Started: true, Balance: s.Balance + amount, Holds: s.Holds}
		return !differs(o.BalanceAfter, next.Balance) && !differs(o.Balance, next.Balance), next
	case "createHold", "redeem":
		amount := i.Amount
		if fail {
			switch o.Code {
			case "insufficient_balance":
				if i.Op == "createHold" && policy == "balance-guard" {
					return amount > s.Balance, s
				}
				return refusesForBalance(policy, s, amount), s
			case "voucher_in_use":
				return oneAtATime(policy) && len(s.Holds) > 0, s
			case "voucher_redeemed":
				return s.Balance == 0, s
			}
			return true, s
		}
		holds, ok := admit(policy, s, amount, i.Completed, i.Op == "createHold")
		if !ok || differs(o.Amount, amount) {
			return false, s
		}
		if i.Op == "redeem" {
			return spend(policy, s, i, o, holds)
		}
		id := o.ID
		if id == "" {
			id = "?" + string(rune(i.Index))
		}
		if find(s, id) >= 0 {
			return false, s
		}
		next := append(append([]hold{}, holds...), hold{ID: id, Amount: amount, Expiry: i.Invoked + i.TTL})
		sort.Slice(next, func(a, b int) bool { return next[a].ID < next[b].ID })
		return true, state{Started: true, Balance: s.Balance, Holds: next}
	case "captureHold", "releaseHold":
		capture := i.Op == "captureHold"
		k := find(s, i.Target)
		if k < 0 {
			if fail {
				return true, s
			}
			if i.KnownHold {
				return false, s
			}
			if capture {
				return spend(policy, s, i, o, s.Holds)
			}
			return true, s
		}
		h := s.Holds[k]
		amount := i.Amount
		if amount == none {
			amount = h.Amount
		}
		if fail {
			switch o.Code {
			case "hold_expired", "hold_not_open":
				if i.Completed >= h.Expiry {
					return true, state{Started: true, Balance: s.Balance, Holds: without(s.Holds, k)}
				}
				return false, s
			case "capture_exceeds_hold":
				return capture && amount > h.Amount, s
			case "insufficient_balance":
				return capture && amount > s.Balance, s
			}
			return true, s
		}
		rest := without(s.Holds, k)
		if !capture {
			return true, state{Started: true, Balance: s.Balance, Holds: rest}
		}
		if amount > h.Amount || differs(o.Amount, amount) {
			return false, s
		}
		i.Amount = amount
		return spend(policy, s, i, o, rest)
	}
	return false, s
}
