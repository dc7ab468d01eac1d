-- wrk script: POSTs the requests of a file (one JSON request per line) in turn, as application/json.
local requests = {}
local path = os.getenv("SMOS_BENCH_REQUESTS")
for line in io.lines(path) do
  if #line > 0 then
    requests[#requests + 1] = line
  end
end
local counter = 0

request = function()
  counter = counter + 1
  local body = requests[(counter % #requests) + 1]
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
