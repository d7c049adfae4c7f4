"""System (备份, 启动检查, 初始化, 示例数据) in workforce/services/."""
