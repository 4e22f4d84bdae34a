-- One-step redemptions for wrk (bench/redemption.bench.ts): POST /vouchers/{id}/redemptions of AMOUNT
-- minor units (EUR) on a voucher drawn at random from VOUCHERS (ids separated by commas; one id is
-- the hot-voucher case), each with a fresh Idempotency-Key, as a POS terminal with the key POS_KEY.
-- Environment: VOUCHERS, POS_KEY, AMOUNT, RUN (a tag that keeps keys apart across runs).
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

local vouchers = {}
local key_prefix
local sent = 0
local headers
local amount = os.getenv("AMOUNT") or "100"

function init(args)
  for id in string.gmatch(os.getenv("VOUCHERS") or "", "[^,]+") do
    vouchers[#vouchers + 1] = id
  end
  key_prefix = "wrk-" .. (os.getenv("RUN") or "run") .. "-" .. thread_number .. "-"
  headers = {
    ["content-type"] = "application/json",
    ["authorization"] = "Bearer " .. (os.getenv("POS_KEY") or ""),
  }
  math.randomseed(os.time() + thread_number)
end

function request()
  sent = sent + 1
  local key = key_prefix .. sent
  headers["idempotency-key"] = key
  local body = '{"amount":{"amount":' .. amount .. ',"currency":"EUR"},"receipt":{"number":"'
    .. key .. '","store":"S-001","register":"POS-1","channel":"pos"}}'
  local voucher = vouchers[math.random(#vouchers)]
  return wrk.format("POST", "/vouchers/" .. voucher .. "/redemptions", headers, body)
end
