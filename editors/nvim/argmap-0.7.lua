-- argmap for Neovim 0.7, 0.8 and 0.9 (Debian 12 has 0.7.2): copy into init.lua, or load it
-- from there with
--   dofile("/path/to/argmap/editors/nvim/argmap-0.7.lua")
-- `argmap` must be on Neovim's PATH (or write its full path in `cmd`).

-- An autocommand, not vim.filetype.add: 0.7 and 0.8 read that only with g:do_filetype_lua set.
vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
  pattern = "*.argmap",
  command = "setfiletype argmap",
})

-- The folder holding .git above the file (vim.fs is not there before 0.8), else the file's folder.
local function root_of(buf)
  local folder = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ":p:h")
  local up = vim.fn.escape(folder, " ,") .. ";"
  local git = vim.fn.finddir(".git", up)
  if git == "" then
    git = vim.fn.findfile(".git", up) -- a worktree's .git is a file
  end
  if git == "" then
    return folder
  end
  return vim.fn.fnamemodify((vim.fn.fnamemodify(git, ":p"):gsub("/$", "")), ":h")
end

local clients = {} -- root folder -> client id: one server for the files of one project

vim.api.nvim_create_autocmd("FileType", {
  pattern = "argmap",
  callback = function(args)
    local buf = args.buf
    vim.bo[buf].commentstring = "// %s"
    vim.bo[buf].shiftwidth = 2
    vim.bo[buf].expandtab = true

    local root = root_of(buf)
    local id = clients[root]
    if not (id and vim.lsp.get_client_by_id(id)) then -- not started yet, or it has exited
      id = vim.lsp.start_client({ name = "argmap", cmd = { "argmap", "lsp" }, root_dir = root })
      clients[root] = id
    end
    if not id then
      return -- Neovim has said why (argmap not on the PATH, …)
    end
    vim.lsp.buf_attach_client(buf, id)

    -- what 0.11 sets up by default
    vim.bo[buf].omnifunc = "v:lua.vim.lsp.omnifunc" -- CTRL-X CTRL-O completes
    vim.bo[buf].tagfunc = "v:lua.vim.lsp.tagfunc" -- CTRL-] goes to the definition
    local function map(lhs, action)
      vim.keymap.set("n", lhs, action, { buffer = buf })
    end
    map("K", vim.lsp.buf.hover)
    map("grn", vim.lsp.buf.rename)
    map("gra", vim.lsp.buf.code_action)
    map("grr", vim.lsp.buf.references)
    map("gO", vim.lsp.buf.document_symbol)
  end,
})
